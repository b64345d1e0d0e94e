import { shippingAddressSchema, type ShippingAddress } from '@alawein/liveit-domain';

export const ADDRESS_FIELDS = ['name', 'line1', 'line2', 'city', 'postal_code', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressValues = Record<AddressField, string>;
export type AddressErrors = Partial<Record<AddressField, string>>;

/** The address checked with the API's own schema, or the first message per field. */
export function validateAddress(
  values: AddressValues,
): { ok: true; address: ShippingAddress } | { ok: false; errors: AddressErrors } {
  const parsed = shippingAddressSchema.safeParse(values);
  if (parsed.success) return { ok: true, address: parsed.data };
  const errors: AddressErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (ADDRESS_FIELDS as readonly string[]).includes(field))
      errors[field as AddressField] ??= issue.message;
  }
  return { ok: false, errors };
}
