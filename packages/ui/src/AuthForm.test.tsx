import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AuthForm } from './AuthForm.tsx';
import type { AuthValues } from './auth-schema.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('AuthForm sign-in', () => {
  it('reports empty fields, focuses the first one and does not submit', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<AuthForm mode="sign-in" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText(/Email/);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email address.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText(/Password/)).toHaveAccessibleDescription('Enter your password.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('rejects a malformed email', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<AuthForm mode="sign-in" onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/Email/), 'not-an-email');
    await userEvent.type(screen.getByLabelText(/Password/), 'secret');
    await userEvent.keyboard('{Enter}');
    expect(screen.getByLabelText(/Email/)).toHaveAccessibleDescription(
      'Enter a valid email address, like name@example.com.',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits trimmed values, shows pending state, then the server error', async () => {
    const pending = deferred();
    const onSubmit = vi.fn((_values: AuthValues) => pending.promise);
    render(<AuthForm mode="sign-in" onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/Email/), '  ada@example.com ');
    await userEvent.type(screen.getByLabelText(/Password/), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(onSubmit).toHaveBeenCalledWith({ email: 'ada@example.com', password: 'correct horse' });
    const submit = screen.getByRole('button', { name: 'Sign in' });
    expect(submit).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(submit);
    expect(onSubmit).toHaveBeenCalledTimes(1);

    pending.reject(new Error('Invalid login credentials'));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Invalid login credentials'),
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-busy');
  });

  it('clears the server error on the next attempt', async () => {
    const onSubmit = vi
      .fn<(values: AuthValues) => Promise<void>>()
      .mockRejectedValueOnce({ message: 'Email not confirmed' })
      .mockResolvedValueOnce(undefined);
    render(<AuthForm mode="sign-in" onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/Email/), 'ada@example.com');
    await userEvent.type(screen.getByLabelText(/Password/), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Email not confirmed'));
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeEmptyDOMElement());
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });
});

describe('AuthForm sign-up', () => {
  it('asks to confirm the password and enforces the minimum length', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<AuthForm mode="sign-up" onSubmit={onSubmit} minPasswordLength={10} />);
    await userEvent.type(screen.getByLabelText(/Email/), 'ada@example.com');
    await userEvent.type(screen.getByLabelText(/^Password/), 'short');
    await userEvent.type(screen.getByLabelText(/Confirm password/), 'different');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText(/^Password/);
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    expect(password).toHaveAccessibleDescription(
      'At least 10 characters. Use at least 10 characters.',
    );
    expect(password).toHaveFocus();
    expect(screen.getByLabelText(/Confirm password/)).toHaveAccessibleDescription(
      'The passwords do not match.',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits email and password (not the confirmation) when valid', async () => {
    const onSubmit = vi.fn((_values: AuthValues) => Promise.resolve());
    render(<AuthForm mode="sign-up" onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/Email/), 'ada@example.com');
    await userEvent.type(screen.getByLabelText(/^Password/), 'long enough pw');
    await userEvent.type(screen.getByLabelText(/Confirm password/), 'long enough pw');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(onSubmit).toHaveBeenCalledWith({ email: 'ada@example.com', password: 'long enough pw' });
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });
});
