import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EmptyState } from './EmptyState.tsx';
import { Image } from './Image.tsx';
import { Pager } from './Pager.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { Spinner } from './Spinner.tsx';
import { Table } from './Table.tsx';

describe('Spinner', () => {
  it('is a status named by its label', () => {
    render(<Spinner label="Loading workouts" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading workouts');
  });
});

describe('ProgressBar', () => {
  it('exposes min, max, now and a percentage text', () => {
    render(<ProgressBar label="Simulation" value={30} max={200} />);
    const bar = screen.getByRole('progressbar', { name: 'Simulation' });
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '200');
    expect(bar).toHaveAttribute('aria-valuenow', '30');
    expect(bar).toHaveAttribute('aria-valuetext', '15%');
  });

  it('clamps out-of-range values and takes a custom value text', () => {
    render(<ProgressBar label="Upload" value={150} valueText="All 3 photos" />);
    const bar = screen.getByRole('progressbar', { name: 'Upload' });
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('aria-valuetext', 'All 3 photos');
  });

  it('is indeterminate without a value', () => {
    render(<ProgressBar label="Preparing" />);
    const bar = screen.getByRole('progressbar', { name: 'Preparing' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).not.toHaveAttribute('aria-valuetext');
  });
});

describe('Table', () => {
  const columns = [
    {
      key: 'name',
      header: 'Product',
      cell: (row: { name: string; price: string }) => row.name,
      rowHeader: true,
    },
    {
      key: 'price',
      header: 'Price',
      cell: (row: { name: string; price: string }) => row.price,
      align: 'right' as const,
    },
  ];

  it('renders a captioned table with column and row headers', () => {
    render(
      <Table
        caption="Cart"
        columns={columns}
        rows={[{ name: 'Cap', price: '$25.00' }]}
        rowKey={(row) => row.name}
      />,
    );
    const table = screen.getByRole('table', { name: 'Cart' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Product', 'Price']);
    expect(within(table).getByRole('rowheader', { name: 'Cap' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '$25.00' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Cart' })).toHaveAttribute('tabindex', '0');
  });

  it('shows the empty message across all columns', () => {
    render(
      <Table
        caption="Cart"
        columns={columns}
        rows={[]}
        rowKey={(row) => row.name}
        empty="Your cart is empty."
      />,
    );
    const cell = screen.getByRole('cell', { name: 'Your cart is empty.' });
    expect(cell).toHaveAttribute('colspan', '2');
  });
});

describe('EmptyState', () => {
  it('has a heading at the requested level and the action', () => {
    render(
      <EmptyState
        title="No workouts yet"
        headingLevel={3}
        action={<button type="button">Log one</button>}
      />,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'No workouts yet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log one' })).toBeInTheDocument();
  });
});

describe('Image', () => {
  it('offers WebP first, falls back, lazy-loads, decodes async and reserves its size', () => {
    const { container } = render(
      <Image src="/cap.jpg" webp="/cap.webp" alt="Black cap, front" width={640} height={480} />,
    );
    const source = container.querySelector('picture > source');
    expect(source).toHaveAttribute('type', 'image/webp');
    expect(source).toHaveAttribute('srcset', '/cap.webp');
    const img = screen.getByRole('img', { name: 'Black cap, front' });
    expect(img).toHaveAttribute('src', '/cap.jpg');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(img).toHaveAttribute('decoding', 'async');
    expect(img).toHaveAttribute('width', '640');
    expect(img).toHaveAttribute('height', '480');
  });

  it('loads eagerly with high priority when it is the page hero', () => {
    render(<Image src="/hero.png" webp="/hero.webp" alt="" width={1200} height={600} priority />);
    const img = document.querySelector('img');
    expect(img).toHaveAttribute('loading', 'eager');
    expect(img).toHaveAttribute('fetchpriority', 'high');
  });
});

describe('Pager', () => {
  it('renders nothing for a single page', () => {
    const { container } = render(<Pager page={1} pages={1} onPage={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('names its landmark, says where it is and asks for the neighbouring pages', () => {
    const asked: number[] = [];
    render(<Pager page={2} pages={3} onPage={(n) => asked.push(n)} />);
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    expect(nav).toHaveTextContent('Page 2 of 3');
    fireEvent.click(within(nav).getByRole('button', { name: 'Previous' }));
    fireEvent.click(within(nav).getByRole('button', { name: 'Next' }));
    expect(asked).toEqual([1, 3]);
  });

  it('disables Previous on the first page and Next on the last', () => {
    const { rerender } = render(<Pager page={1} pages={2} onPage={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    rerender(<Pager page={2} pages={2} onPage={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });
});
