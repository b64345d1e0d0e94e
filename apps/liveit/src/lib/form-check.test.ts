import { describe, expect, it } from 'vitest';
import { ApiError } from '@alawein/supabase-client';
import { productInputSchema, variantInputSchema } from '@alawein/liveit-domain';
import { apiErrors, checkInput, fieldsOf, wholeNumber } from './form-check.ts';

const variantField = fieldsOf(['sku', 'size', 'colour', 'stock_on_hand'] as const, {
  price_cents: 'price',
});

describe('checkInput with the API schemas', () => {
  it('returns the parsed input (trimmed, upper-cased SKU) when it is valid', () => {
    expect(
      checkInput(
        variantInputSchema,
        { sku: ' tee-blk-m ', size: 'M', colour: null, price_cents: 4500, stock_on_hand: 3 },
        variantField,
      ),
    ).toEqual({
      ok: true,
      data: { sku: 'TEE-BLK-M', size: 'M', colour: null, price_cents: 4500, stock_on_hand: 3 },
    });
  });

  it('gives the first message per form field, renamed API fields included', () => {
    const result = checkInput(
      variantInputSchema,
      { sku: '!', size: 'x'.repeat(21), colour: null, price_cents: 0 },
      variantField,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['price', 'size', 'sku']);
    expect(!result.ok && result.errors.sku).toBe('sku is 2-40 letters, digits or -');
  });

  it('lets errors found before the schema win, and puts unmapped issues on the form', () => {
    const result = checkInput(
      productInputSchema,
      { category_id: 'nope', slug: 'ok', name: 'Cap', extra: 1 },
      fieldsOf(['name', 'slug'] as const),
      { name: 'typed elsewhere' },
    );
    expect(result).toEqual({
      ok: false,
      errors: { form: 'category_id must be a UUID', name: 'typed elsewhere' },
    });
  });
});

describe('apiErrors', () => {
  it('puts the message next to the field the API names (renamed, first path segment)', () => {
    const error = new ApiError(422, 'invalid_value', 'price_cents: too big', {
      field: 'price_cents',
    });
    expect(apiErrors(error, variantField)).toEqual({ price: 'price_cents: too big' });
    expect(
      apiErrors(
        new ApiError(409, 'conflict', 'sku is already taken', { field: 'sku' }),
        variantField,
      ),
    ).toEqual({ sku: 'sku is already taken' });
  });

  it('keeps errors naming no form field (or none) for the form', () => {
    expect(
      apiErrors(new ApiError(404, 'not_found', 'variant not found', { field: 'id' }), variantField),
    ).toEqual({ form: 'variant not found' });
    expect(apiErrors(new TypeError('Failed to fetch'), variantField)).toEqual({
      form: 'Failed to fetch',
    });
  });
});

describe('wholeNumber', () => {
  it('reads counts of 0 or more and nothing else', () => {
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('0')).toBe(0);
    for (const text of ['', '-1', '1.5', '1e3', 'abc', '1234567890']) {
      expect(wholeNumber(text), text).toBeUndefined();
    }
  });
});
