import { describe, expect, it } from 'vitest';
import { returnTo } from './return-to.ts';

describe('returnTo', () => {
  it('returns to the protected page with its query', () => {
    expect(returnTo({ from: { pathname: '/account', search: '?tab=units' } })).toBe(
      '/account?tab=units',
    );
  });

  it('defaults to the account page without a remembered location', () => {
    expect(returnTo(null)).toBe('/account');
    expect(returnTo({})).toBe('/account');
  });

  it('never leaves the app (protocol-relative or absolute URLs)', () => {
    expect(returnTo({ from: { pathname: '//evil.example/account' } })).toBe('/account');
    expect(returnTo({ from: { pathname: 'https://evil.example/' } })).toBe('/account');
  });
});
