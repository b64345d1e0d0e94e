import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router-dom';
import { usePageTitle } from '@alawein/app-kit';

/** A page's title (document and h1), optional actions, and its body. */
export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {actions}
      </div>
      {children}
    </div>
  );
}

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
      className={`inline-flex h-10 items-center rounded-control px-4 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring ${look} ${className}`}
    />
  );
}
