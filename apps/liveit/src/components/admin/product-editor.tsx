import type { ReactNode } from 'react';
import type { AdminProduct } from '../../api/admin.ts';
import type { Category } from '../../api/catalogue.ts';
import { ImageList, ImageUpload } from './image-forms.tsx';
import { ProductDetailsForm } from './product-form.tsx';
import { NewVariantForm, VariantEditor } from './variant-forms.tsx';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 border-t border-border pt-4">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** Everything about one product: details and status, variants with price and stock, pictures. */
export function ProductEditor({
  product,
  categories,
}: {
  product: AdminProduct;
  categories: readonly Category[];
}) {
  const variants = [...product.liveit_variants].sort(
    (a, b) => a.position - b.position || a.sku.localeCompare(b.sku),
  );
  const id = (part: string) => `product-${product.id}-${part}`;
  return (
    <div className="flex flex-col gap-4">
      <Section id={id('details')} title="Details">
        <ProductDetailsForm product={product} categories={categories} />
      </Section>
      <Section id={id('variants')} title={`Variants (${variants.length})`}>
        {variants.length === 0 ? (
          <p className="text-sm text-muted-fg">
            No variants yet: add one so shoppers can buy this product.
          </p>
        ) : (
          <ul className="flex flex-col gap-3" aria-labelledby={id('variants')}>
            {variants.map((variant) => (
              <VariantEditor key={variant.id} variant={variant} productName={product.name} />
            ))}
          </ul>
        )}
      </Section>
      <Section id={id('new-variant')} title="Add a variant">
        <NewVariantForm product={product} />
      </Section>
      <Section id={id('pictures')} title="Pictures">
        <ImageList product={product} />
        <ImageUpload product={product} />
      </Section>
    </div>
  );
}
