import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '@alawein/supabase-client';
import { Button, Field, Input, errorMessage } from '@alawein/ui';
import { formatCents } from '@alawein/liveit-domain';
import { useCheckoutMutation } from '../api/orders.ts';
import { CartLines, usePricedCart } from '../components/cart-lines.tsx';
import {
  validateAddress,
  type AddressErrors,
  type AddressField,
  type AddressValues,
} from '../lib/address-form.ts';
import { Page } from '@alawein/app-kit';

const LABELS: Record<AddressField, { label: string; autoComplete: string; hint?: string }> = {
  name: { label: 'Full name', autoComplete: 'name' },
  line1: { label: 'Address', autoComplete: 'address-line1' },
  line2: { label: 'Apartment, suite (optional)', autoComplete: 'address-line2' },
  city: { label: 'City', autoComplete: 'address-level2' },
  postal_code: { label: 'Postal code', autoComplete: 'postal-code' },
  country: {
    label: 'Country',
    autoComplete: 'country',
    hint: 'Two-letter code, for example US or GB',
  },
};

export default function CheckoutPage() {
  const navigate = useNavigate();
  const { lines, totals } = usePricedCart();
  const checkout = useCheckoutMutation();
  const [values, setValues] = useState<AddressValues>({
    name: '',
    line1: '',
    line2: '',
    city: '',
    postal_code: '',
    country: 'US',
  });
  const [errors, setErrors] = useState<AddressErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const result = validateAddress(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    checkout.mutate(
      {
        items: lines.map((line) => ({ variant_id: line.variant_id, quantity: line.quantity })),
        shipping_address: result.address,
        app_origin: window.location.origin,
      },
      {
        onSuccess: ({ order, payment }) => {
          if (payment.provider === 'stripe') window.location.assign(payment.url);
          else void navigate(`/orders/${order.id}`, { state: { placed: true } });
        },
        onError: (error) => {
          const field = error instanceof ApiError ? error.field : undefined;
          const name = field?.replace(/^shipping_address\./, '');
          if (name && name in LABELS) setErrors({ [name]: error.message });
          else setFormError(errorMessage(error));
        },
      },
    );
  }

  return (
    <Page title="Checkout">
      <section aria-labelledby="summary-heading" className="flex flex-col gap-3">
        <h2 id="summary-heading" className="text-lg font-semibold">
          Order summary
        </h2>
        <CartLines />
        {lines.length > 0 && (
          <dl className="grid grid-cols-2 gap-1 text-sm">
            <dt>Shipping</dt>
            <dd className="text-right">
              {totals.shipping_cents === 0 ? 'Free' : formatCents(totals.shipping_cents)}
            </dd>
            <dt>Tax (8 %)</dt>
            <dd className="text-right">{formatCents(totals.tax_cents)}</dd>
            <dt className="font-semibold">Estimated total</dt>
            <dd className="text-right font-semibold">{formatCents(totals.total_cents)}</dd>
          </dl>
        )}
        <p className="text-sm text-muted-fg">
          Prices and stock are checked again when you place the order; the order shows the final
          totals.
        </p>
      </section>
      {lines.length > 0 && (
        <form
          onSubmit={onSubmit}
          noValidate
          className="flex flex-col gap-3"
          aria-label="Shipping address"
        >
          <h2 className="text-lg font-semibold">Shipping address</h2>
          {(Object.keys(LABELS) as AddressField[]).map((field) => (
            <Field
              key={field}
              label={LABELS[field].label}
              hint={LABELS[field].hint}
              error={errors[field]}
              required={field !== 'line2'}
            >
              <Input
                name={field}
                autoComplete={LABELS[field].autoComplete}
                value={values[field]}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
              />
            </Field>
          ))}
          {formError && (
            <p role="alert" className="text-danger">
              {formError}
            </p>
          )}
          <Button type="submit" loading={checkout.isPending} className="self-end">
            Place order
          </Button>
        </form>
      )}
    </Page>
  );
}
