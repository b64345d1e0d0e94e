import { Table } from '@alawein/ui';
import { formatNumber, type AnyModule } from '../lib/modules.ts';

/** The run's summary values with their labels and units. */
export function SummaryTable({
  module,
  summary,
}: {
  module: AnyModule;
  summary: Record<string, number>;
}) {
  const fields = module.summaryFields as Record<string, { label: string; unit: string }>;
  const rows = Object.entries(summary).map(([key, value]) => ({
    key,
    label: fields[key]?.label ?? key,
    unit: fields[key]?.unit ?? '',
    value,
  }));
  return (
    <Table
      caption="Results summary"
      hideCaption
      data-testid="summary-table"
      columns={[
        { key: 'label', header: 'Quantity', cell: (row) => row.label, rowHeader: true },
        {
          key: 'value',
          header: 'Value',
          align: 'right',
          cell: (row) => <span data-testid={`summary-${row.key}`}>{formatNumber(row.value)}</span>,
        },
        { key: 'unit', header: 'Unit', cell: (row) => row.unit },
      ]}
      rows={rows}
      rowKey={(row) => row.key}
    />
  );
}
