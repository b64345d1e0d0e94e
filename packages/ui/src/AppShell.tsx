import type { ComponentType, MouseEvent, ReactNode } from 'react';
import type { ShellLinkProps, ShellNavItem, ShellUser } from './shell-types.ts';
import { UserMenu, type UserMenuProps } from './UserMenu.tsx';

export type { ShellLinkProps, ShellNavItem, ShellUser };

export interface AppShellProps {
  productName: ReactNode;
  /** Where the product name links; default "/". */
  homeHref?: string;
  /** Main navigation, shown in order. */
  nav?: ShellNavItem[];
  /**
   * Renders every link (product name, navigation, user menu). Default: a plain <a>. Pass one that
   * wraps your router's NavLink so navigation stays client-side; NavLink sets aria-current="page"
   * on the active link, which the shell styles.
   */
  linkComponent?: ComponentType<ShellLinkProps>;
  /** With the default <a> link: the current path, to mark the active item with aria-current. */
  currentPath?: string;
  /** The signed-in user, or null/undefined when signed out. */
  user?: ShellUser | null;
  /** Links in the user menu, e.g. the account page. */
  userMenuItems?: ShellNavItem[];
  /** Signs the user out; the menu shows a pending state until it settles. */
  onSignOut?: UserMenuProps['onSignOut'];
  /** Shown instead of the user menu when signed out. */
  signInHref?: string;
  signUpHref?: string;
  /** Extra header content before the user menu, e.g. a theme switch. */
  headerActions?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}

const MAIN_ID = 'main-content';

function DefaultLink({ href, className, children, end: _end, ...rest }: ShellLinkProps) {
  return (
    <a href={href} className={className} {...rest}>
      {children}
    </a>
  );
}

const navLinkClass =
  'rounded-control px-3 py-2 text-sm font-medium text-muted-fg hover:bg-muted hover:text-fg ' +
  'aria-[current=page]:bg-muted aria-[current=page]:text-fg';

/**
 * Page frame of every app: skip link, header with product name, main navigation and user menu
 * (or sign-in links), a focusable <main> landmark for the content, and an optional footer.
 */
export function AppShell({
  productName,
  homeHref = '/',
  nav = [],
  linkComponent: Link = DefaultLink,
  currentPath,
  user,
  userMenuItems = [],
  onSignOut,
  signInHref,
  signUpHref,
  headerActions,
  footer,
  children,
}: AppShellProps) {
  const current = (href: string, end = false) => {
    if (Link !== DefaultLink || currentPath === undefined) return undefined;
    const active =
      end || href === '/'
        ? currentPath === href
        : currentPath === href || currentPath.startsWith(`${href}/`);
    return active ? ('page' as const) : undefined;
  };

  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    // Focus instead of following the hash, so client-side routers keep their URL.
    event.preventDefault();
    main.focus();
    main.scrollIntoView?.();
  }

  return (
    <div className="flex min-h-dvh flex-col bg-bg text-fg">
      <a
        href={`#${MAIN_ID}`}
        onClick={skipToMain}
        className="sr-only z-50 rounded-control bg-primary px-4 py-2 text-primary-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link
            href={homeHref}
            end
            className="text-lg font-semibold text-fg"
            data-testid="shell-home"
          >
            {productName}
          </Link>
          {nav.length > 0 && (
            <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
              <ul className="flex flex-wrap gap-1">
                {nav.map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      end={item.end}
                      className={navLinkClass}
                      aria-current={current(item.href, item.end)}
                      data-testid={item.testId}
                    >
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="ml-auto flex items-center gap-2">
            {headerActions}
            {user ? (
              <UserMenu
                user={user}
                items={userMenuItems}
                onSignOut={onSignOut}
                linkComponent={Link}
              />
            ) : (
              <>
                {signInHref && (
                  <Link href={signInHref} className={navLinkClass} data-testid="shell-sign-in">
                    Sign in
                  </Link>
                )}
                {signUpHref && (
                  <Link
                    href={signUpHref}
                    className="rounded-control bg-primary px-3 py-2 text-sm font-medium text-primary-fg hover:bg-primary-hover"
                    data-testid="shell-sign-up"
                  >
                    Sign up
                  </Link>
                )}
              </>
            )}
          </div>
        </div>
      </header>
      <main
        id={MAIN_ID}
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none"
      >
        {children}
      </main>
      {footer && (
        <footer className="border-t border-border bg-surface">
          <div className="mx-auto max-w-6xl px-4 py-4 text-sm text-muted-fg">{footer}</div>
        </footer>
      )}
    </div>
  );
}
