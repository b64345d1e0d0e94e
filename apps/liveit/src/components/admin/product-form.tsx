import { Field, Input, Select, Textarea } from '@alawein/ui';
import {
  LIMITS,
  PRODUCT_STATUSES,
  productInputSchema,
  slugFromName,
  type ProductInput,
  type ProductStatus,
} from '@alawein/liveit-domain';
import {
  useCreateProductMutation,
  useUpdateProductMutation,
  type AdminProduct,
} from '../../api/admin.ts';
import type { Category } from '../../api/catalogue.ts';
import { checkInput, fieldsOf } from '../../lib/form-check.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { AdminForm, TextField } from './admin-form.tsx';

const FIELDS = ['name', 'slug', 'category_id', 'description', 'status'] as const;
type ProductField = (typeof FIELDS)[number];

export const STATUS_LABELS: Record<ProductStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  archived: 'Archived',
};

const productField = fieldsOf(FIELDS);

function build(values: Record<ProductField, string>) {
  return checkInput(
    productInputSchema,
    values,
    productField,
    values.category_id ? {} : { category_id: 'Choose a category' },
  );
}

function ProductFields({
  form,
  categories,
  deriveSlug,
}: {
  form: ReturnType<typeof useProductForm>;
  categories: readonly Category[];
  deriveSlug: boolean;
}) {
  const { values, errors, setValues } = form;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label="Name" error={errors.name} required>
        <Input
          name="name"
          value={values.name}
          maxLength={LIMITS.nameLength}
          onChange={(event) => {
            const name = event.target.value;
            // A new product's slug follows its name until the admin types a slug of their own.
            setValues((current) => ({
              ...current,
              name,
              slug:
                deriveSlug && current.slug === slugFromName(current.name)
                  ? slugFromName(name)
                  : current.slug,
            }));
          }}
        />
      </Field>
      <TextField
        form={form}
        field="slug"
        label="Slug"
        hint="The product's address: /products/slug. Lower-case words joined by hyphens."
        required
      />
      <Field label="Category" error={errors.category_id} required>
        <Select
          value={values.category_id}
          placeholder="Choose a category"
          options={categories.map((category) => ({ value: category.id, label: category.name }))}
          onValueChange={(value) => form.setValue('category_id', value)}
        />
      </Field>
      <Field label="Status" hint="Only active products are in the shop." error={errors.status}>
        <Select
          value={values.status}
          options={PRODUCT_STATUSES.map((status) => ({
            value: status,
            label: STATUS_LABELS[status],
          }))}
          onValueChange={(value) => form.setValue('status', value)}
        />
      </Field>
      <Field label="Description" error={errors.description} className="sm:col-span-2">
        <Textarea
          name="description"
          value={values.description}
          maxLength={LIMITS.productDescriptionLength}
          onChange={(event) => form.setValue('description', event.target.value)}
        />
      </Field>
    </div>
  );
}

function useProductForm<R>(
  initial: Record<ProductField, string>,
  send: (input: ProductInput) => Promise<R>,
  onSaved?: (result: R) => Record<ProductField, string> | void,
) {
  return useApiForm({ initial, build, send, fieldOf: productField, onSaved });
}

const EMPTY: Record<ProductField, string> = {
  name: '',
  slug: '',
  category_id: '',
  description: '',
  status: 'draft',
};

/** New product: name (the slug follows it), category, description, status (draft first). */
export function NewProductForm({
  categories,
  onCreated,
}: {
  categories: readonly Category[];
  onCreated: (product: { id: string; name: string }) => void;
}) {
  const create = useCreateProductMutation();
  const form = useProductForm(
    EMPTY,
    (input) => create.mutateAsync(input),
    (product) => {
      onCreated(product);
      return EMPTY;
    },
  );
  return (
    <AdminForm
      label="New product"
      form={form}
      saved="Product created"
      submit="Create product"
      className="flex flex-col gap-3 rounded-lg border border-border p-4"
    >
      <ProductFields form={form} categories={categories} deriveSlug />
    </AdminForm>
  );
}

/** A product's name, slug, category, description and status. */
export function ProductDetailsForm({
  product,
  categories,
}: {
  product: AdminProduct;
  categories: readonly Category[];
}) {
  const update = useUpdateProductMutation();
  const form = useProductForm(
    {
      name: product.name,
      slug: product.slug,
      category_id: product.category_id,
      description: product.description,
      status: product.status,
    },
    (input) => update.mutateAsync({ id: product.id, body: input }),
  );
  return (
    <AdminForm
      label={`Details of ${product.name}`}
      form={form}
      submit={
        <>
          Save details<span className="sr-only"> of {product.name}</span>
        </>
      }
    >
      <ProductFields form={form} categories={categories} deriveSlug={false} />
    </AdminForm>
  );
}
