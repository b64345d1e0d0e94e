import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AppShell } from './AppShell.tsx';
import { AuthForm } from './AuthForm.tsx';

async function violations() {
  const results = await axe.run(document.body, { resultTypes: ['violations'] });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

function SignedIn() {
  return (
    <AppShell
      productName="REPZ"
      nav={[
        { href: '/', label: 'Home', end: true },
        { href: '/workouts', label: 'Workouts' },
      ]}
      currentPath="/workouts"
      user={{ email: 'ada@example.com', name: 'Ada Lovelace' }}
      userMenuItems={[{ href: '/account', label: 'Account' }]}
      onSignOut={() => Promise.resolve()}
    >
      <AuthForm
        mode="sign-up"
        onSubmit={() => Promise.reject(new Error('User already registered'))}
      />
    </AppShell>
  );
}

describe.each(['light', 'dark'] as const)(
  'AppShell + AuthForm in real Chromium, %s theme',
  (theme) => {
    it('has no axe violations (colour contrast included) with errors and the open user menu', async () => {
      document.documentElement.dataset.theme = theme;
      render(<SignedIn />);
      await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
      await userEvent.click(screen.getByRole('button', { name: /account menu/ }));
      expect(await violations()).toEqual([]);
    });
  },
);

describe.each(['light', 'dark'] as const)(
  'signed-out AppShell + sign-in AuthForm, %s theme',
  (theme) => {
    it('has no axe violations, server error shown', async () => {
      document.documentElement.dataset.theme = theme;
      render(
        <AppShell
          productName="LiveIt"
          nav={[{ href: '/', label: 'Shop', end: true }]}
          currentPath="/sign-in"
          signInHref="/sign-in"
          signUpHref="/sign-up"
          footer={<p>Live It Iconic</p>}
        >
          <AuthForm
            mode="sign-in"
            onSubmit={() => Promise.reject(new Error('Invalid login credentials'))}
            footer={<a href="/sign-up">Create an account</a>}
          />
        </AppShell>,
      );
      await userEvent.fill(screen.getByLabelText(/Email/), 'ada@example.com');
      await userEvent.fill(screen.getByLabelText(/Password/), 'wrong password');
      await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
      await expect
        .poll(() => screen.getByRole('alert').textContent)
        .toBe('Invalid login credentials');
      expect(await violations()).toEqual([]);
    });
  },
);

describe('AppShell keyboard', () => {
  it('first Tab reaches a visible skip link that moves focus to main', async () => {
    render(<SignedIn />);
    await userEvent.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    expect(skip.getBoundingClientRect().width).toBeGreaterThan(1);
    expect(getComputedStyle(skip).outlineStyle).toBe('solid');
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('user menu opens with the keyboard, closes on Escape and returns focus', async () => {
    render(<SignedIn />);
    const toggle = screen.getByRole('button', { name: /account menu/ });
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'Account' })).toBeVisible();
    await userEvent.tab();
    expect(screen.getByRole('link', { name: 'Account' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
    expect(screen.queryByRole('link', { name: 'Account' })).not.toBeInTheDocument();
  });
});
