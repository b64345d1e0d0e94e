import { clsx } from 'clsx';
import { useId, type Key, type ReactNode } from 'react';

export interface TableColumn<Row> {
  /** Stable key of the column. */
  key: string;
  header: ReactNode;
  /** Cell content for a row. */
  cell: (row: Row) => ReactNode;
  /** Right-align numbers so digits line up. */
  align?: 'left' | 'right';
  /** Makes this column's cells row headers (th scope="row"), e.g. the name column. */
  rowHeader?: boolean;
}

export interface TableProps<Row> {
  /** Accessible name of the table, shown as its caption (visually hidden with hideCaption). */
  caption: ReactNode;
  hideCaption?: boolean;
  columns: TableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => Key;
  /** Shown in a single cell when there are no rows. */
  empty?: ReactNode;
  className?: string;
  'data-testid'?: string;
}

/** Semantic data table (caption, column headers with scope) that scrolls sideways on small screens. */
export function Table<Row>({
  caption,
  hideCaption = false,
  columns,
  rows,
  rowKey,
  empty = 'Nothing here yet.',
  className,
  'data-testid': testId,
}: TableProps<Row>) {
  const captionId = useId();
  const alignClass = (align: 'left' | 'right' = 'left') =>
    align === 'right' ? 'text-right tabular-nums' : 'text-left';
  return (
    // The wrapper may scroll sideways, so keyboard users must be able to focus it (WCAG 2.1.1).
    <div
      role="region"
      aria-labelledby={captionId}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region needs a tab stop
      tabIndex={0}
      className={clsx('overflow-x-auto rounded-control border border-border', className)}
    >
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        <caption
          id={captionId}
          className={clsx('px-3 py-2 text-left font-medium text-fg', hideCaption && 'sr-only')}
        >
          {caption}
        </caption>
        <thead className="bg-surface">
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={clsx(
                  'border-b border-border px-3 py-2 font-semibold text-fg',
                  alignClass(column.align),
                )}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-muted-fg">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr
                key={rowKey(row)}
                className="border-b border-border last:border-b-0 hover:bg-surface"
              >
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th
                      key={column.key}
                      scope="row"
                      className={clsx('px-3 py-2 font-medium text-fg', alignClass(column.align))}
                    >
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td
                      key={column.key}
                      className={clsx('px-3 py-2 text-fg', alignClass(column.align))}
                    >
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
