import { createQueryKeys } from '@alawein/supabase-client';

export const categoryKeys = createQueryKeys('liveit-categories');
export const productKeys = createQueryKeys('liveit-products');
export const reviewKeys = createQueryKeys('liveit-reviews');
export const cartKeys = createQueryKeys('liveit-cart');
export const orderKeys = createQueryKeys('liveit-orders');
export const adminKeys = createQueryKeys('liveit-admin');
