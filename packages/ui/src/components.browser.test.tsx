import { render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Button } from './Button.tsx';
import { Dialog, DialogClose } from './Dialog.tsx';
import { EmptyState } from './EmptyState.tsx';
import { Field } from './Field.tsx';
import { Input } from './Input.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { Select } from './Select.tsx';
import { Spinner } from './Spinner.tsx';
import { Table } from './Table.tsx';
import { Tabs } from './Tabs.tsx';
import { ToastProvider, useToast } from './Toast.tsx';

const units = [
  { value: 'kg', label: 'Kilograms' },
  { value: 'lb', label: 'Pounds' },
];

function Gallery() {
  return (
    <main>
      <h1>Gallery</h1>
      <Field label="Units" hint="Used for every weight.">
        <Select options={units} defaultValue="kg" name="units" />
      </Field>
      <Field label="Name" error="Enter a name.">
        <Input name="name" />
      </Field>
      <Button variant="secondary">Secondary</Button>
      <Button variant="ghost">Ghost</Button>
      <Button variant="danger">Delete</Button>
      <Button loading>Saving</Button>
      <Spinner label="Loading workouts" />
      <ProgressBar label="Simulation" value={42} />
      <Tabs
        label="Results"
        items={[
          { value: 'plot', label: 'Plot', content: <p>Energy over time</p> },
          { value: 'table', label: 'Table', content: <p>Raw values</p> },
        ]}
      />
      <Table
        caption="Personal records"
        columns={[
          { key: 'exercise', header: 'Exercise', cell: (row) => row.exercise, rowHeader: true },
          { key: 'weight', header: 'Weight (kg)', cell: (row) => row.weight, align: 'right' },
        ]}
        rows={[
          { exercise: 'Squat', weight: 140 },
          { exercise: 'Bench press', weight: 100 },
        ]}
        rowKey={(row) => row.exercise}
      />
      <EmptyState title="No circuits yet" description="Build one to see its state vector." />
    </main>
  );
}

describe.each(['light', 'dark'] as const)('components in real Chromium, %s theme', (theme) => {
  it('have no axe violations, colour contrast included', async () => {
    document.documentElement.dataset.theme = theme;
    render(<Gallery />);
    const results = await axe.run(document.body, { resultTypes: ['violations'] });
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});

describe('Dialog', () => {
  function ConfirmDelete({ onConfirm }: { onConfirm: () => void }) {
    const [open, setOpen] = useState(false);
    return (
      <Dialog
        open={open}
        onOpenChange={setOpen}
        trigger={<Button variant="danger">Delete workout</Button>}
        title="Delete this workout?"
        description="Its sets are deleted too."
        footer={
          <>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button
              variant="danger"
              onClick={() => {
                onConfirm();
                setOpen(false);
              }}
            >
              Delete
            </Button>
          </>
        }
      />
    );
  }

  it('opens from the keyboard, traps focus, closes on Escape and restores focus', async () => {
    let confirmed = 0;
    render(<ConfirmDelete onConfirm={() => (confirmed += 1)} />);
    const trigger = screen.getByRole('button', { name: 'Delete workout' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Delete this workout?' });
    expect(dialog).toHaveAccessibleDescription('Its sets are deleted too.');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    // Tab cycles inside the dialog only.
    for (let i = 0; i < 5; i += 1) {
      await userEvent.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    const axeResults = await axe.run(document.body, { resultTypes: ['violations'] });
    expect(axeResults.violations.map((v) => v.id)).toEqual([]);

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
    expect(confirmed).toBe(0);

    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(confirmed).toBe(1);
  });
});

describe('Select', () => {
  it('is labelled by its Field and chosen with the keyboard', async () => {
    let chosen = '';
    render(
      <Field label="Units">
        <Select options={units} placeholder="Choose units" onValueChange={(v) => (chosen = v)} />
      </Field>,
    );
    const trigger = screen.getByRole('combobox', { name: 'Units' });
    expect(trigger).toHaveTextContent('Choose units');
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const listbox = await screen.findByRole('listbox');
    expect(listbox).toBeVisible();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    expect(chosen).toBe('lb');
    expect(trigger).toHaveTextContent('Pounds');
    expect(trigger).toHaveFocus();
  });
});

describe('Tabs', () => {
  it('moves between tabs with arrow keys and shows the matching panel', async () => {
    render(
      <Tabs
        label="Results"
        items={[
          { value: 'plot', label: 'Plot', content: <p>Energy over time</p> },
          { value: 'table', label: 'Table', content: <p>Raw values</p> },
        ]}
      />,
    );
    expect(screen.getByRole('tablist', { name: 'Results' })).toBeInTheDocument();
    const plot = screen.getByRole('tab', { name: 'Plot' });
    expect(plot).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Plot' })).toHaveTextContent('Energy over time');
    await userEvent.tab();
    expect(plot).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    const table = screen.getByRole('tab', { name: 'Table' });
    expect(table).toHaveFocus();
    expect(table).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Table' })).toHaveTextContent('Raw values');
  });
});

describe('Toast', () => {
  function SaveButton() {
    const { toast } = useToast();
    return (
      <Button
        onClick={() => toast({ title: 'Workout saved', description: '5 sets', variant: 'success' })}
      >
        Save
      </Button>
    );
  }

  it('shows a toast on demand (loading Radix lazily) and dismisses it with its button', async () => {
    render(
      <ToastProvider>
        <SaveButton />
      </ToastProvider>,
    );
    expect(screen.queryByRole('region', { name: /Notifications/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const toast = await screen.findByTestId('toast');
    expect(toast).toHaveTextContent('Workout saved');
    expect(toast).toHaveTextContent('5 sets');
    expect(screen.getByRole('region', { name: /Notifications/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('toast')).not.toBeInTheDocument());
  });

  it('closes by itself after its duration', async () => {
    function Quick() {
      const { toast } = useToast();
      return <Button onClick={() => toast({ title: 'Copied', duration: 300 })}>Copy</Button>;
    }
    render(
      <ToastProvider>
        <Quick />
      </ToastProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Copied');
    await waitFor(() => expect(screen.queryByTestId('toast')).not.toBeInTheDocument(), {
      timeout: 3000,
    });
  });
});
