import { useState, type FormEvent } from 'react';
import { Button, EmptyState, errorMessage, Field, Input, Pager, Select } from '@alawein/ui';
import {
  ADMIN_SETTABLE_STATUSES,
  ORDER_STATUSES,
  formatCents,
  nextStatuses,
  type AdminSettableStatus,
  type Order,
  type OrderStatus,
} from '@alawein/liveit-domain';
import { ADMIN_ORDERS_PAGE_SIZE, useAdminOrdersQuery, useMoveOrderMutation } from '../api/admin.ts';
import { AdminGate, AdminNav } from '../components/admin-gate.tsx';
import { OrderStatusBadge, STATUS_LABELS } from '../components/order-status.tsx';
import { Page, QueryState } from '@alawein/app-kit';

function isSettable(status: OrderStatus): status is AdminSettableStatus {
  return (ADMIN_SETTABLE_STATUSES as readonly string[]).includes(status);
}

/** Status moves: the ones the rules allow are offered; the API's refusal is shown as it says it. */
function MoveStatus({ order }: { order: Order }) {
  const move = useMoveOrderMutation();
  const options = ADMIN_SETTABLE_STATUSES.filter((s) => s !== order.status);
  const [target, setTarget] = useState<string>(
    nextStatuses(order.status).find(isSettable) ?? options[0] ?? '',
  );
  if (options.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={`New status for ${order.order_number}`}
        value={target}
        onValueChange={setTarget}
        options={options.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
      />
      <Button
        size="sm"
        variant="secondary"
        loading={move.isPending}
        onClick={() =>
          isSettable(target as OrderStatus) &&
          move.mutate({ id: order.id, status: target as AdminSettableStatus })
        }
      >
        Move<span className="sr-only"> {order.order_number}</span>
      </Button>
      {move.isError && (
        <span role="alert" className="text-sm text-danger">
          {errorMessage(move.error)}
        </span>
      )}
    </div>
  );
}

function AdminOrders() {
  const [status, setStatus] = useState<OrderStatus | undefined>();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const orders = useAdminOrdersQuery({ status, q, page });
  function onSearch(event: FormEvent) {
    event.preventDefault();
    setQ(search);
    setPage(1);
  }
  return (
    <Page title="Admin: orders" wide actions={<AdminNav />}>
      <div className="flex flex-wrap items-end gap-3">
        <form role="search" onSubmit={onSearch} className="flex items-end gap-2">
          <Field label="Order number or e-mail">
            <Input
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </Field>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <Field label="Status">
          <Select
            value={status ?? 'all'}
            onValueChange={(value) => {
              setStatus(value === 'all' ? undefined : (value as OrderStatus));
              setPage(1);
            }}
            options={[
              { value: 'all', label: 'All statuses' },
              ...ORDER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
            ]}
          />
        </Field>
      </div>
      <QueryState query={orders} label="orders">
        {({ items, total }) => {
          if (items.length === 0) return <EmptyState title="No orders match" />;
          const pages = Math.ceil(total / ADMIN_ORDERS_PAGE_SIZE);
          return (
            <>
              <ul className="flex flex-col divide-y divide-border" aria-label="Orders">
                {items.map((order) => (
                  <li
                    key={order.id}
                    className="flex flex-wrap items-center justify-between gap-3 py-3"
                    data-testid="admin-order"
                  >
                    <div className="flex flex-col">
                      <span className="font-semibold">{order.order_number}</span>
                      <span className="text-sm text-muted-fg">
                        {order.shipping_address.name} ·{' '}
                        {new Date(order.created_at).toLocaleString()}
                      </span>
                    </div>
                    <OrderStatusBadge status={order.status} />
                    <span>{formatCents(order.total_cents)}</span>
                    <MoveStatus key={order.status} order={order} />
                  </li>
                ))}
              </ul>
              <Pager page={page} pages={pages} onPage={(n) => setPage(n)} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

export default function AdminOrdersPage() {
  return (
    <AdminGate>
      <AdminOrders />
    </AdminGate>
  );
}
