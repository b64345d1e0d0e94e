import { render } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { AppShell } from './AppShell.tsx';
import { AuthForm } from './AuthForm.tsx';

async function violations(container: Element) {
  const results = await axe.run(container, { resultTypes: ['violations'] });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

describe('axe', () => {
  it('finds no violations in a signed-out shell with the sign-in form', async () => {
    const { container } = render(
      <AppShell
        productName="REPZ"
        nav={[{ href: '/', label: 'Home' }]}
        signInHref="/sign-in"
        signUpHref="/sign-up"
        currentPath="/"
      >
        <AuthForm
          mode="sign-in"
          onSubmit={() => Promise.resolve()}
          footer={<a href="/sign-up">Create an account</a>}
        />
      </AppShell>,
    );
    expect(await violations(container)).toEqual([]);
  });

  it('finds no violations in a signed-in shell with the sign-up form showing errors', async () => {
    const { container, getByRole } = render(
      <AppShell
        productName="QMLab"
        nav={[
          { href: '/', label: 'Home', end: true },
          { href: '/circuits', label: 'Circuits' },
        ]}
        currentPath="/circuits"
        user={{ email: 'ada@example.com', name: 'Ada Lovelace' }}
        userMenuItems={[{ href: '/account', label: 'Account' }]}
        onSignOut={() => Promise.resolve()}
      >
        <AuthForm mode="sign-up" onSubmit={() => Promise.resolve()} />
      </AppShell>,
    );
    getByRole('button', { name: 'Create account' }).click();
    getByRole('button', { name: /account menu/ }).click();
    expect(await violations(container)).toEqual([]);
  });
});
