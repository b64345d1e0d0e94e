import { shippingAddressSchema, type ShippingAddress } from '@alawein/liveit-domain';
import { checkInput, fieldsOf, type FormErrors } from './form-check.ts';

export const ADDRESS_FIELDS = ['name', 'line1', 'line2', 'city', 'postal_code', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressValues = Record<AddressField, string>;
export type AddressErrors = FormErrors<AddressField>;

/** The address checked with the API's own schema, or the first message per field. */
export function validateAddress(
  values: AddressValues,
): { ok: true; address: ShippingAddress } | { ok: false; errors: AddressErrors } {
  const result = checkInput(shippingAddressSchema, values, fieldsOf(ADDRESS_FIELDS));
  return result.ok ? { ok: true, address: result.data } : result;
}
