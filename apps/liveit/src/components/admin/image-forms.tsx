import { useState, type FormEvent } from 'react';
import { Button, DangerActions, Dialog, Field, Input, errorMessage } from '@alawein/ui';
import { LIMITS, imageInputSchema, imagePatchSchema } from '@alawein/liveit-domain';
import {
  useDeleteImageMutation,
  useUpdateImageMutation,
  useUploadImageMutation,
  type AdminImage,
  type AdminProduct,
} from '../../api/admin.ts';
import { checkInput, fieldsOf, wholeNumber } from '../../lib/form-check.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { ProductPicture } from '../product-picture.tsx';
import { AdminForm, FormFeedback, TextField } from './admin-form.tsx';

const imageField = fieldsOf(['alt', 'position'] as const);
const MAX_POSITION = 100;

function DeleteImage({ image, name }: { image: AdminImage; name: string }) {
  const remove = useDeleteImageMutation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Delete ${name}?`}
      description="Shoppers will no longer see it on the product page."
      trigger={
        <Button variant="ghost" size="sm">
          Delete<span className="sr-only"> {name}</span>
        </Button>
      }
      footer={
        <DangerActions
          cancelLabel="Keep it"
          confirmLabel="Delete picture"
          loading={remove.isPending}
          onConfirm={() => remove.mutate(image, { onSuccess: () => setOpen(false) })}
        />
      }
    >
      <p className="text-sm">“{image.alt}”</p>
      {remove.isError && (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(remove.error)}
        </p>
      )}
    </Dialog>
  );
}

/** One picture: its alt text and order (lowest first on the product page), or delete it. */
function ImageEditor({ image, index }: { image: AdminImage; index: number }) {
  const update = useUpdateImageMutation();
  const name = `picture ${index + 1}`;
  const form = useApiForm({
    initial: { alt: image.alt, position: String(image.position) },
    build: (values) => {
      const position = wholeNumber(values.position);
      return checkInput(
        imagePatchSchema,
        { alt: values.alt, position },
        imageField,
        position === undefined || position > MAX_POSITION
          ? { position: `A whole number from 0 to ${MAX_POSITION}` }
          : {},
      );
    },
    send: (body) => update.mutateAsync({ id: image.id, body }),
    fieldOf: imageField,
  });
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-border p-3 sm:flex-row">
      <div className="w-24 shrink-0">
        <ProductPicture image={image} alt={image.alt} sizes="96px" />
      </div>
      <AdminForm
        label={`Picture ${index + 1}`}
        form={form}
        buttonSize="sm"
        className="flex min-w-0 grow flex-col gap-3"
        submit={
          <>
            Save<span className="sr-only"> {name}</span>
          </>
        }
        actions={<DeleteImage image={image} name={name} />}
      >
        <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
          <Field label="Alt text" hint="What the picture shows" error={form.errors.alt} required>
            <Input
              value={form.values.alt}
              maxLength={LIMITS.altLength}
              onChange={(event) => form.setValue('alt', event.target.value)}
            />
          </Field>
          <TextField
            form={form}
            field="position"
            label="Order"
            hint="Lowest shows first"
            inputMode="numeric"
          />
        </div>
      </AdminForm>
    </li>
  );
}

export function ImageList({ product }: { product: AdminProduct }) {
  const images = [...product.liveit_product_images].sort((a, b) => a.position - b.position);
  if (images.length === 0) return <p className="text-sm text-muted-fg">No pictures yet.</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label={`Pictures of ${product.name}`}>
      {images.map((image, index) => (
        <ImageEditor key={image.id} image={image} index={index} />
      ))}
    </ul>
  );
}

/** Uploads a file to the bucket and registers it, with its alt text, after the others. */
export function ImageUpload({ product }: { product: AdminProduct }) {
  const upload = useUploadImageMutation();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const altCheck = imageInputSchema.shape.alt.safeParse(alt);
    const next = {
      ...(file ? {} : { file: 'Choose a picture to upload' }),
      ...(altCheck.success ? {} : { alt: 'Describe the picture for people who cannot see it' }),
    };
    setErrors(next);
    if (!file || !altCheck.success) return;
    upload.mutate(
      {
        product: {
          id: product.id,
          slug: product.slug,
          imageCount: product.liveit_product_images.length,
        },
        file,
        alt: altCheck.data,
      },
      { onSuccess: () => setAlt('') },
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`New picture of ${product.name}`}
      className="flex flex-wrap items-end gap-3"
    >
      <Field label="New picture (WebP, AVIF, JPEG or PNG)" error={errors.file}>
        <Input
          type="file"
          accept="image/webp,image/avif,image/jpeg,image/png"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </Field>
      <Field label="Alt text" error={errors.alt}>
        <Input value={alt} onChange={(event) => setAlt(event.target.value)} />
      </Field>
      <Button type="submit" loading={upload.isPending}>
        Upload<span className="sr-only"> a picture of {product.name}</span>
      </Button>
      <FormFeedback
        state={upload.isSuccess ? 'saved' : 'idle'}
        error={upload.isError ? errorMessage(upload.error) : undefined}
        saved="Picture added"
      />
    </form>
  );
}
