import { formatCents, type Order } from '@alawein/liveit-domain';
import { Table } from '@alawein/ui';

/** The order's lines and the server's totals. */
export function OrderTotals({ order }: { order: Order }) {
  return (
    <div className="flex flex-col gap-3">
      <Table
        caption="Items"
        rows={order.items}
        rowKey={(item) => item.id}
        columns={[
          {
            key: 'product',
            header: 'Product',
            rowHeader: true,
            cell: (item) => `${item.product_name} (${item.variant_label})`,
          },
          { key: 'qty', header: 'Quantity', align: 'right', cell: (item) => item.quantity },
          {
            key: 'price',
            header: 'Unit price',
            align: 'right',
            cell: (item) => formatCents(item.unit_price_cents),
          },
          {
            key: 'total',
            header: 'Line total',
            align: 'right',
            cell: (item) => formatCents(item.line_total_cents),
          },
        ]}
      />
      <dl className="ml-auto grid w-64 grid-cols-2 gap-1 text-sm">
        <dt>Subtotal</dt>
        <dd className="text-right">{formatCents(order.subtotal_cents)}</dd>
        <dt>Shipping</dt>
        <dd className="text-right">
          {order.shipping_cents === 0 ? 'Free' : formatCents(order.shipping_cents)}
        </dd>
        <dt>Tax</dt>
        <dd className="text-right">{formatCents(order.tax_cents)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold" data-testid="order-total">
          {formatCents(order.total_cents)}
        </dd>
      </dl>
    </div>
  );
}
