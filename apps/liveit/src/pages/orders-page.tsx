import { Link, useSearchParams } from 'react-router-dom';
import { useUser } from '@alawein/supabase-client';
import { EmptyState, Pager } from '@alawein/ui';
import { formatCents } from '@alawein/liveit-domain';
import { ORDERS_PAGE_SIZE, useOrdersQuery } from '../api/orders.ts';
import { OrderStatusBadge } from '../components/order-status.tsx';
import { isAdmin } from '../lib/is-admin.ts';
import { LinkButton, Page, QueryState } from '@alawein/app-kit';

export default function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const orders = useOrdersQuery(page);
  const admin = isAdmin(useUser().data);
  return (
    <Page title="Your orders" actions={admin && <LinkButton to="/admin">Shop admin</LinkButton>}>
      <QueryState query={orders} label="your orders">
        {({ items, total }) => {
          if (items.length === 0)
            return (
              <EmptyState
                title="No orders yet"
                description="Orders you place show up here with their status."
                action={<LinkButton to="/shop">Start shopping</LinkButton>}
              />
            );
          const pages = Math.ceil(total / ORDERS_PAGE_SIZE);
          return (
            <>
              <ul className="flex flex-col divide-y divide-border" aria-label="Orders">
                {items.map((order) => (
                  <li
                    key={order.id}
                    className="flex flex-wrap items-center justify-between gap-3 py-3"
                    data-testid="order-row"
                  >
                    <div className="flex flex-col">
                      <Link to={`/orders/${order.id}`} className="font-semibold underline">
                        {order.order_number}
                      </Link>
                      <span className="text-sm text-muted-fg">
                        {new Date(order.created_at).toLocaleString()} · {order.items.length}{' '}
                        {order.items.length === 1 ? 'item' : 'items'}
                      </span>
                    </div>
                    <OrderStatusBadge status={order.status} />
                    <span className="font-medium">{formatCents(order.total_cents)}</span>
                  </li>
                ))}
              </ul>
              <Pager page={page} pages={pages} onPage={(n) => setParams({ page: String(n) })} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
