import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_MAX, validateProfileInput } from './profile-input.ts';

describe('validateProfileInput', () => {
  it('trims the display name and passes the units through', () => {
    expect(validateProfileInput({ displayName: '  Ada Lovelace ', units: 'lb' })).toEqual({
      ok: true,
      value: { display_name: 'Ada Lovelace', preferred_units: 'lb' },
    });
  });

  it('rejects a blank name, as the table would', () => {
    expect(validateProfileInput({ displayName: '   ', units: 'kg' })).toEqual({
      ok: false,
      error: 'Enter a display name.',
    });
  });

  it('accepts exactly the column limit and rejects one more', () => {
    expect(
      validateProfileInput({ displayName: 'x'.repeat(DISPLAY_NAME_MAX), units: 'kg' }).ok,
    ).toBe(true);
    expect(
      validateProfileInput({ displayName: 'x'.repeat(DISPLAY_NAME_MAX + 1), units: 'kg' }),
    ).toEqual({
      ok: false,
      error: 'Use at most 80 characters.',
    });
  });
});
