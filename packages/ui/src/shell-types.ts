import type { MouseEvent, ReactNode } from 'react';

/** Props AppShell passes to the link component; a router's NavLink fits after renaming href → to. */
export interface ShellLinkProps {
  href: string;
  className: string;
  children: ReactNode;
  /** Match the path exactly when deciding the active link (react-router's NavLink `end`). */
  end?: boolean;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
  'aria-current'?: 'page';
  'data-testid'?: string;
}

export interface ShellNavItem {
  href: string;
  label: ReactNode;
  end?: boolean;
  testId?: string;
}

export interface ShellUser {
  email: string;
  name?: string;
}
