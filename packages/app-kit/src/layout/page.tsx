import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router-dom';
import { usePageTitle } from '../config/app-context.tsx';

/** A page's title (document and h1), optional actions beside it, and its body. */
export function Page({
  title,
  actions,
  children,
  wide = false,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  /** Room for tables and side-by-side panels (max-w-6xl instead of max-w-4xl). */
  wide?: boolean;
}) {
  usePageTitle(title);
  return (
    <div className={`mx-auto flex w-full flex-col gap-6 p-4 ${wide ? 'max-w-6xl' : 'max-w-4xl'}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {actions}
      </div>
      {children}
    </div>
  );
}

/** A titled, bordered part of a page, named for assistive technology by its title. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-border p-4"
      aria-label={title}
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** A router link that looks like a button. */
export function LinkButton({
  variant = 'secondary',
  className = '',
  ...props
}: LinkProps & { variant?: 'primary' | 'secondary' }) {
  const look =
    variant === 'primary'
      ? 'bg-primary text-primary-fg hover:bg-primary-hover'
      : 'border border-control-border bg-bg text-fg hover:bg-muted';
  return (
    <Link
      {...props}
      className={`inline-flex h-10 items-center justify-center rounded-control px-4 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring ${look} ${className}`}
    />
  );
}
