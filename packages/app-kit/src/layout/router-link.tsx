import { NavLink } from 'react-router-dom';
import type { ShellLinkProps } from '@alawein/ui';

/** AppShell's link slot filled with the router's NavLink: client-side navigation and aria-current. */
export function RouterLink({ href, 'aria-current': _ariaCurrent, ...rest }: ShellLinkProps) {
  return <NavLink to={href} {...rest} />;
}
