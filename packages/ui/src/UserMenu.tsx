import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import type { ShellLinkProps, ShellNavItem, ShellUser } from './shell-types.ts';
import { Button } from './Button.tsx';

export interface UserMenuProps {
  user: ShellUser;
  items: ShellNavItem[];
  onSignOut?: (() => void | Promise<void>) | undefined;
  linkComponent: ComponentType<ShellLinkProps>;
}

function initials(user: ShellUser): string {
  const source = user.name?.trim() || user.email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (user.name ? (parts[1]?.[0] ?? '') : '')).toUpperCase();
}

/**
 * Disclosure (button + panel) rather than an ARIA menu: it holds links and a button, which
 * keep their native keyboard behaviour. Escape or a click outside closes it; focus returns to
 * the toggle on Escape.
 */
export function UserMenu({ user, items, onSignOut, linkComponent: Link }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        toggleRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  async function signOut() {
    if (!onSignOut) return;
    setSigningOut(true);
    try {
      await onSignOut();
      setOpen(false);
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        data-testid="user-menu-toggle"
        className="flex items-center gap-2 rounded-full py-1 pr-3 pl-1 text-sm text-fg hover:bg-muted"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-fg"
        >
          {initials(user)}
        </span>
        <span className="max-w-40 truncate">{user.name || user.email}</span>
        <span className="sr-only">, account menu</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        data-testid="user-menu"
        className="absolute right-0 z-40 mt-2 w-64 rounded-control border border-border bg-bg p-2 shadow-lg"
      >
        <p className="truncate px-3 py-2 text-sm text-muted-fg">
          Signed in as <span className="font-medium text-fg">{user.email}</span>
        </p>
        {items.length > 0 && (
          <ul className="border-t border-border py-1">
            {items.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  end={item.end}
                  onClick={() => setOpen(false)}
                  className="block rounded-control px-3 py-2 text-sm text-fg hover:bg-muted aria-[current=page]:font-semibold"
                  data-testid={item.testId}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {onSignOut && (
          <div className="border-t border-border pt-2">
            <Button
              variant="ghost"
              block
              loading={signingOut}
              onClick={() => {
                // A failed sign-out is the app's to report; hand it to the global error handler (Sentry).
                signOut().catch((error: unknown) => reportError(error));
              }}
              data-testid="sign-out"
            >
              Sign out
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
