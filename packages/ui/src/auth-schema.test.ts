// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateAuthInput } from './auth-schema.ts';

const input = (email: string, password: string, confirmPassword = '') => ({
  email,
  password,
  confirmPassword,
});

describe('validateAuthInput', () => {
  it('sign-in accepts any non-empty password and trims the email', () => {
    expect(validateAuthInput('sign-in', input(' ada@example.com\t', 'x'))).toEqual({
      ok: true,
      values: { email: 'ada@example.com', password: 'x' },
    });
  });

  it('reports one message per field, the most basic first', () => {
    expect(validateAuthInput('sign-up', input('   ', '', ''))).toEqual({
      ok: false,
      errors: {
        email: 'Enter your email address.',
        password: 'Choose a password.',
        confirmPassword: 'Repeat your password.',
      },
    });
  });

  it.each(['ada', 'ada@', '@example.com', 'ada example@example.com'])(
    'rejects the email %j',
    (email) => {
      const result = validateAuthInput('sign-in', input(email, 'pw'));
      expect(result.ok ? null : result.errors.email).toBe(
        'Enter a valid email address, like name@example.com.',
      );
    },
  );

  it('sign-up bounds the password to 8..72 characters and requires a matching confirmation', () => {
    const long = 'x'.repeat(73);
    expect(validateAuthInput('sign-up', input('ada@example.com', long, long))).toEqual({
      ok: false,
      errors: { password: 'Use at most 72 characters.' },
    });
    expect(validateAuthInput('sign-up', input('ada@example.com', 'abcdefgh', 'abcdefgH'))).toEqual({
      ok: false,
      errors: { confirmPassword: 'The passwords do not match.' },
    });
    expect(validateAuthInput('sign-up', input('ada@example.com', 'abcdefgh', 'abcdefgh')).ok).toBe(
      true,
    );
  });

  it('takes the minimum length from the caller', () => {
    const result = validateAuthInput(
      'sign-up',
      input('ada@example.com', 'abcdefgh', 'abcdefgh'),
      12,
    );
    expect(result).toEqual({ ok: false, errors: { password: 'Use at least 12 characters.' } });
  });
});
