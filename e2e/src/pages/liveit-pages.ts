// Page objects for LiveIt's own pages (apps/liveit). Selectors are roles, labels and the
// data-testids those pages set.
import { randomUUID } from 'node:crypto';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { AuthPage } from './auth-page.ts';

export interface Credentials {
  email: string;
  password: string;
}

/** The seed's shop admin (supabase/README.md). */
export const LIVEIT_ADMIN: Credentials = { email: 'admin@example.com', password: 'password123' };

/** Signs a new customer up through the UI (which lands on the account page). */
export async function signUpShopper(page: Page, label: string): Promise<Credentials> {
  const credentials = {
    email: `e2e-liveit-${label}-${randomUUID()}@example.com`,
    password: `pw-${randomUUID()}`,
  };
  await page.goto('/sign-up');
  await new AuthPage(page).signUp(credentials.email, credentials.password);
  await expect(page).toHaveURL(/\/account$/);
  return credentials;
}

export async function signIn(page: Page, { email, password }: Credentials): Promise<void> {
  const auth = new AuthPage(page);
  await auth.gotoSignIn();
  await auth.signIn(email, password);
  await expect(auth.form).toBeHidden();
}

/** A page in a browser context of its own (separate storage: another person or device). */
export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

/** A product page: gallery, variant picker, live stock, add to cart, reviews. */
export class LiveitProductPage {
  readonly price: Locator;
  readonly stock: Locator;
  readonly quantity: Locator;
  readonly addToCart: Locator;
  readonly drawer: Locator;
  readonly rating: Locator;
  readonly reviews: Locator;

  constructor(private readonly page: Page) {
    this.price = page.getByTestId('price');
    this.stock = page.getByTestId('stock');
    this.quantity = page.getByLabel('Quantity', { exact: true });
    this.addToCart = page.getByRole('button', { name: 'Add to cart' });
    this.drawer = page.getByRole('dialog', { name: 'Your cart' });
    this.rating = page.getByTestId('rating-summary').first();
    this.reviews = page.getByTestId('review');
  }

  async goto(slug: string): Promise<void> {
    await this.page.goto(`/products/${slug}`);
    await expect(this.addToCart).toBeVisible();
    // Stock changes are only seen once the Realtime channel is joined.
    await expect(this.page.getByTestId('live-stock-state')).toHaveText('Stock updates live');
  }

  /** Picks a colour and/or size by its label (sold-out options carry a suffix). */
  async pick(option: { colour?: string; size?: string }): Promise<void> {
    for (const [group, value] of Object.entries(option)) {
      if (!value) continue;
      await this.page
        .getByRole('group', { name: new RegExp(`^${group === 'colour' ? 'Colour' : 'Size'}`) })
        .getByRole('radio', { name: new RegExp(`^${value}( \\(sold out\\))?$`) })
        .check({ force: true });
    }
  }

  async add(quantity: number): Promise<void> {
    await this.quantity.fill(String(quantity));
    await this.addToCart.click();
    await expect(this.drawer).toBeVisible();
  }

  async writeReview(rating: number, title: string, body: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Write a review' });
    await form.getByRole('combobox', { name: 'Rating' }).click();
    await this.page
      .getByRole('option', { name: `${rating} ${rating === 1 ? 'star' : 'stars'}` })
      .click();
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Review').fill(body);
    await form.getByRole('button', { name: 'Post review' }).click();
    await expect(this.reviews.filter({ hasText: title })).toBeVisible();
  }
}

export interface Address {
  name: string;
  line1: string;
  city: string;
  postal_code: string;
  country: string;
}

/** Checkout: the cart, the address form (the API's own schema), place order. */
export class LiveitCheckoutPage {
  readonly form: Locator;
  readonly placeOrder: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Shipping address' });
    this.placeOrder = page.getByRole('button', { name: 'Place order' });
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: false }).first();
  }

  async fill(address: Address): Promise<void> {
    await this.field('Full name').fill(address.name);
    await this.form.getByRole('textbox', { name: /^Address/ }).fill(address.line1);
    await this.field('City').fill(address.city);
    await this.field('Postal code').fill(address.postal_code);
    await this.field('Country').fill(address.country);
  }
}

/** One order: number, status, server totals, "Pay (test mode)". */
export class LiveitOrderPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly total: Locator;
  readonly pay: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Order LII-\d{4}-\d{6}$/ });
    this.status = page.getByTestId('order-status');
    this.total = page.getByTestId('order-total');
    this.pay = page.getByRole('button', { name: 'Pay (test mode)' });
  }

  async orderNumber(): Promise<string> {
    const text = (await this.heading.textContent()) ?? '';
    return text.replace(/^Order /, '');
  }
}

export interface NewVariant {
  sku: string;
  size?: string;
  colour?: string;
  /** As typed, e.g. "37.50". */
  price: string;
  stock: number;
}

/** The admin's catalogue: product list, one product editor at a time, its forms. */
export class LiveitAdminProductsPage {
  readonly filter: Locator;

  constructor(private readonly page: Page) {
    this.filter = page.getByRole('searchbox', { name: 'Filter products' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin');
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
      'Admin: products and stock',
    );
  }

  /** Picks an option of a Radix select (a combobox button and a listbox). */
  private async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Creates a draft product; its editor opens. */
  async createProduct(product: { name: string; category: string; description: string }) {
    await this.page.getByRole('button', { name: 'New product' }).click();
    const form = this.page.getByRole('form', { name: 'New product' });
    await form.getByRole('textbox', { name: 'Name' }).fill(product.name);
    await this.choose(form.getByRole('combobox', { name: 'Category' }), product.category);
    await form.getByRole('textbox', { name: 'Description' }).fill(product.description);
    await form.getByRole('button', { name: 'Create product' }).click();
    await expect(this.details(product.name)).toBeVisible();
  }

  /** Filters the list down to a product and opens its editor. */
  async open(name: string): Promise<void> {
    await this.filter.fill(name);
    await this.page.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
  }

  details(productName: string): Locator {
    return this.page.getByRole('form', { name: `Details of ${productName}` });
  }

  async setStatus(productName: string, status: 'Draft' | 'Active' | 'Archived') {
    const form = this.details(productName);
    await this.choose(form.getByRole('combobox', { name: 'Status' }), status);
    await form.getByRole('button', { name: /^Save details/ }).click();
    await expect(form.getByRole('status')).toHaveText('Saved');
  }

  newVariantForm(productName: string): Locator {
    return this.page.getByRole('form', { name: `New variant of ${productName}` });
  }

  async fillVariant(form: Locator, variant: Partial<NewVariant>): Promise<void> {
    const fields: [string, string | undefined][] = [
      ['SKU', variant.sku],
      ['Size', variant.size],
      ['Colour', variant.colour],
      ['Price (USD)', variant.price],
      ['Stock on hand', variant.stock === undefined ? undefined : String(variant.stock)],
    ];
    for (const [label, value] of fields) {
      if (value !== undefined) await form.getByRole('textbox', { name: label }).fill(value);
    }
  }

  /** Submits the new-variant form (the caller checks the outcome). */
  async addVariant(productName: string, variant: NewVariant): Promise<void> {
    const form = this.newVariantForm(productName);
    await this.fillVariant(form, variant);
    await form.getByRole('button', { name: /^Add variant/ }).click();
  }

  /** Uploads a picture with its alt text and waits for it to be listed. */
  async uploadPicture(
    productName: string,
    file: { name: string; mimeType: string; buffer: Buffer },
    alt: string,
  ): Promise<void> {
    const form = this.page.getByRole('form', { name: `New picture of ${productName}` });
    await form.getByLabel('New picture').setInputFiles(file);
    await form.getByRole('textbox', { name: 'Alt text' }).fill(alt);
    await form.getByRole('button', { name: /^Upload/ }).click();
    await expect(form.getByRole('status')).toHaveText('Picture added');
  }

  pictures(productName: string): Locator {
    return this.page
      .getByRole('list', { name: `Pictures of ${productName}` })
      .getByRole('listitem');
  }

  variantForm(sku: string): Locator {
    return this.page.getByRole('form', { name: `Variant ${sku}` });
  }

  /** Types a price into a variant's form and saves it (the caller checks the outcome). */
  async setPrice(sku: string, price: string): Promise<void> {
    const form = this.variantForm(sku);
    await form.getByRole('textbox', { name: 'Price (USD)' }).fill(price);
    await form.getByRole('button', { name: /^Save variant/ }).click();
  }
}
