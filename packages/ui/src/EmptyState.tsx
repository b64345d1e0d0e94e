import { clsx } from 'clsx';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Usually a Button or link that creates the first item. */
  action?: ReactNode;
  /** Decorative illustration; hidden from assistive tech. */
  icon?: ReactNode;
  /** Heading level of the title, to fit the page outline. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

/** Shown where a list has nothing yet: says so and offers the next step. */
export function EmptyState({
  title,
  description,
  action,
  icon,
  headingLevel = 2,
  className,
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      data-testid="empty-state"
      className={clsx(
        'flex flex-col items-center gap-2 rounded-control border border-dashed border-border px-6 py-10 text-center',
        className,
      )}
    >
      {icon && (
        <div aria-hidden="true" className="text-muted-fg">
          {icon}
        </div>
      )}
      <Heading className="text-base font-semibold text-fg">{title}</Heading>
      {description && <p className="max-w-md text-sm text-muted-fg">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
