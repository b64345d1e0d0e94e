import type { AppConfig } from '@alawein/app-kit';

/** What makes this app LiveIt; auth, account and providers come from @alawein/app-kit. Every page is its own chunk. */
export const appConfig: AppConfig = {
  id: 'liveit',
  productName: 'LiveIt',
  home: () => import('./home.tsx'),
  nav: [
    { href: '/shop', label: 'Shop', testId: 'nav-shop' },
    { href: '/cart', label: 'Cart', testId: 'nav-cart' },
    { href: '/orders', label: 'Orders', testId: 'nav-orders' },
  ],
  routes: [
    { path: 'shop', load: () => import('./pages/shop-page.tsx') },
    { path: 'products/:slug', load: () => import('./pages/product-page.tsx') },
    { path: 'cart', load: () => import('./pages/cart-page.tsx') },
    { path: 'checkout', load: () => import('./pages/checkout-page.tsx'), protected: true },
    { path: 'orders', load: () => import('./pages/orders-page.tsx'), protected: true },
    { path: 'orders/:id', load: () => import('./pages/order-page.tsx'), protected: true },
    { path: 'admin', load: () => import('./pages/admin-products-page.tsx'), protected: true },
    { path: 'admin/orders', load: () => import('./pages/admin-orders-page.tsx'), protected: true },
  ],
};
