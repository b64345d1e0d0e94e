import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppShell, type ShellLinkProps } from './AppShell.tsx';

const nav = [
  { href: '/', label: 'Home', end: true },
  { href: '/workouts', label: 'Workouts' },
];

describe('AppShell', () => {
  it('has banner, main navigation, main landmark and a skip link to it', () => {
    render(
      <AppShell productName="REPZ" nav={nav} currentPath="/workouts/42">
        <p>Content</p>
      </AppShell>,
    );
    expect(screen.getByRole('banner')).toHaveTextContent('REPZ');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(main).toHaveTextContent('Content');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute(
      'href',
      `#${main.id}`,
    );
    expect(screen.getByRole('link', { name: 'Workouts' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
  });

  it('renders every link through linkComponent (for a router)', () => {
    const seen: string[] = [];
    function RouterLink({ href, children, ...rest }: ShellLinkProps) {
      seen.push(href);
      return (
        <a data-router="yes" href={`/app${href}`} {...rest}>
          {children}
        </a>
      );
    }
    render(
      <AppShell
        productName="LiveIt"
        nav={nav}
        linkComponent={RouterLink}
        signInHref="/sign-in"
        signUpHref="/sign-up"
      >
        <p>Shop</p>
      </AppShell>,
    );
    expect(seen.sort()).toEqual(['/', '/', '/sign-in', '/sign-up', '/workouts']);
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('data-router', 'yes');
    expect(screen.queryByRole('button', { name: /account menu/ })).not.toBeInTheDocument();
  });

  it('user menu shows the account and signs out with a pending state', async () => {
    let finish!: () => void;
    let calls = 0;
    const onSignOut = () => {
      calls += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    render(
      <AppShell
        productName="QMLab"
        user={{ email: 'ada@example.com' }}
        userMenuItems={[{ href: '/account', label: 'Account' }]}
        onSignOut={onSignOut}
      >
        <p>Lab</p>
      </AppShell>,
    );
    const toggle = screen.getByRole('button', { name: /account menu/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('user-menu')).toBeVisible();
    expect(screen.getByTestId('user-menu')).toHaveTextContent('Signed in as ada@example.com');

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(calls).toBe(1);
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveAttribute('aria-busy', 'true');
    finish();
    await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'false'));
  });

  it('closes the user menu on a click outside', async () => {
    render(
      <AppShell productName="SimCore" user={{ email: 'ada@example.com' }} onSignOut={() => {}}>
        <p>Outside</p>
      </AppShell>,
    );
    const toggle = screen.getByRole('button', { name: /account menu/ });
    await userEvent.click(toggle);
    await userEvent.click(screen.getByText('Outside'));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
});
