import { Field, Input } from '@alawein/ui';
import {
  LIMITS,
  formatCents,
  parsePrice,
  priceInputValue,
  variantInputSchema,
  variantPatchSchema,
} from '@alawein/liveit-domain';
import {
  useAdjustStockMutation,
  useCreateVariantMutation,
  useUpdateVariantMutation,
  type AdminProduct,
  type AdminVariant,
} from '../../api/admin.ts';
import { checkInput, fieldsOf, wholeNumber, type FormErrors } from '../../lib/form-check.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { variantLabel } from '../../lib/variant-label.ts';
import { AdminForm, TextField } from './admin-form.tsx';

const FIELDS = ['sku', 'size', 'colour', 'price', 'stock_on_hand'] as const;
type VariantField = (typeof FIELDS)[number];
type VariantValues = Record<VariantField, string>;

const variantField = fieldsOf(FIELDS, { price_cents: 'price' });

/** An option left empty is no option (the table wants a value or NULL, never ''). */
const option = (text: string) => text.trim() || null;

function parseStock(text: string): { value?: number; error?: string } {
  const value = wholeNumber(text);
  if (value === undefined) return { error: 'Enter a whole number, 0 or more' };
  if (value > LIMITS.maxStock) return { error: `At most ${LIMITS.maxStock}` };
  return { value };
}

/** The form's text as the API's variant fields, with the price and stock parsed first. */
function variantInput(values: VariantValues, withStock: boolean) {
  const price = parsePrice(values.price);
  const stock = withStock ? parseStock(values.stock_on_hand) : {};
  const known: FormErrors<VariantField> = {};
  if (!price.ok) known.price = price.message;
  if (stock.error) known.stock_on_hand = stock.error;
  return {
    input: {
      sku: values.sku,
      size: option(values.size),
      colour: option(values.colour),
      price_cents: price.ok ? price.cents : undefined,
      ...(withStock ? { stock_on_hand: stock.value } : {}),
    },
    known,
  };
}

function VariantFields({
  form,
  withStock,
}: {
  form: {
    values: VariantValues;
    errors: FormErrors<VariantField>;
    setValue: (field: VariantField, value: string) => void;
  };
  withStock: boolean;
}) {
  return (
    <div className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-2 md:grid-cols-4">
      <TextField form={form} field="sku" label="SKU" hint="Letters, digits and -" required />
      <TextField form={form} field="size" label="Size" hint="Optional, e.g. M" />
      <TextField form={form} field="colour" label="Colour" hint="Optional, e.g. Black" />
      <TextField
        form={form}
        field="price"
        label="Price (USD)"
        hint="For example 45.00"
        inputMode="decimal"
        required
      />
      {withStock && (
        <TextField
          form={form}
          field="stock_on_hand"
          label="Stock on hand"
          inputMode="numeric"
          required
        />
      )}
    </div>
  );
}

const EMPTY: VariantValues = { sku: '', size: '', colour: '', price: '', stock_on_hand: '0' };

/** A new variant of a product: SKU, size, colour, price (typed as a decimal) and first stock. */
export function NewVariantForm({ product }: { product: AdminProduct }) {
  const create = useCreateVariantMutation();
  const form = useApiForm({
    initial: EMPTY,
    build: (values) => {
      const { input, known } = variantInput(values, true);
      return checkInput(variantInputSchema, input, variantField, known);
    },
    send: (body) => create.mutateAsync({ productId: product.id, body }),
    fieldOf: variantField,
    onSaved: () => EMPTY,
  });
  return (
    <AdminForm
      label={`New variant of ${product.name}`}
      form={form}
      saved="Variant added"
      submit={
        <>
          Add variant<span className="sr-only"> to {product.name}</span>
        </>
      }
    >
      <VariantFields form={form} withStock />
    </AdminForm>
  );
}

function VariantDetailsForm({ variant }: { variant: AdminVariant }) {
  const update = useUpdateVariantMutation();
  const form = useApiForm({
    initial: {
      sku: variant.sku,
      size: variant.size ?? '',
      colour: variant.colour ?? '',
      price: priceInputValue(variant.price_cents),
      stock_on_hand: '',
    },
    build: (values) => {
      const { input, known } = variantInput(values, false);
      return checkInput(variantPatchSchema, input, variantField, known);
    },
    send: (body) => update.mutateAsync({ id: variant.id, body }),
    fieldOf: variantField,
  });
  return (
    <AdminForm
      label={`Variant ${variant.sku}`}
      form={form}
      buttonSize="sm"
      submit={
        <>
          Save variant<span className="sr-only"> {variant.sku}</span>
        </>
      }
    >
      <VariantFields form={form} withStock={false} />
    </AdminForm>
  );
}

/** Sets the count on hand (reserved units stay held; the API refuses less than reserved). */
function StockForm({ variant, productName }: { variant: AdminVariant; productName: string }) {
  const adjust = useAdjustStockMutation();
  const fieldOf = fieldsOf(['stock_on_hand'] as const);
  const form = useApiForm({
    initial: { stock_on_hand: String(variant.stock_on_hand) },
    build: (values) => {
      const stock = parseStock(values.stock_on_hand);
      return stock.value === undefined
        ? { ok: false, errors: { stock_on_hand: stock.error } }
        : { ok: true, data: { stock_on_hand: stock.value } };
    },
    send: (body) => adjust.mutateAsync({ id: variant.id, body }),
    fieldOf: (apiField) => fieldOf(apiField) ?? 'stock_on_hand',
  });
  const label = `${productName} ${variantLabel(variant)}`;
  return (
    <AdminForm
      label={`Stock of ${variant.sku}`}
      form={form}
      className="flex flex-wrap items-end gap-2"
      submit={
        <>
          Set stock<span className="sr-only"> of {label}</span>
        </>
      }
    >
      <Field label="On hand" error={form.errors.stock_on_hand}>
        <Input
          inputMode="numeric"
          value={form.values.stock_on_hand}
          onChange={(event) => form.setValue('stock_on_hand', event.target.value)}
          className="w-24"
          data-testid={`stock-input-${variant.sku}`}
        />
      </Field>
    </AdminForm>
  );
}

/** One variant: what it is, its stock figures, its details form and its stock form. */
export function VariantEditor({
  variant,
  productName,
}: {
  variant: AdminVariant;
  productName: string;
}) {
  return (
    <li
      className="flex flex-col gap-3 rounded-lg border border-border p-3"
      data-testid="admin-variant"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="font-semibold">
          {variant.sku} <span className="font-normal text-muted-fg">{variantLabel(variant)}</span>
        </h4>
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <div className="flex gap-1">
            <dt className="text-muted-fg">Price</dt>
            <dd>{formatCents(variant.price_cents)}</dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-muted-fg">Reserved</dt>
            <dd>{variant.stock_reserved}</dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-muted-fg">Available</dt>
            <dd>{variant.stock_available}</dd>
          </div>
        </dl>
      </div>
      <VariantDetailsForm variant={variant} />
      <StockForm variant={variant} productName={productName} />
    </li>
  );
}
