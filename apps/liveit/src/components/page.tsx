import type { ReactNode } from 'react';
import { usePageTitle } from '@alawein/app-kit';

/** A page's title (document and h1) and its body. */
export function Page({
  title,
  actions,
  children,
  wide = false,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
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
