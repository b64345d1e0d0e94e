import * as RadixTabs from '@radix-ui/react-tabs';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';

export interface TabItem {
  value: string;
  label: ReactNode;
  content: ReactNode;
  disabled?: boolean;
}

export interface TabsProps {
  items: TabItem[];
  /** Accessible name of the tab list. */
  label: string;
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  className?: string;
}

/**
 * Tabs on Radix: arrow keys move between tabs (roving tabindex), Home/End jump, panels are
 * labelled by their tab. Uncontrolled by default, starting at the first item.
 */
export function Tabs({ items, label, value, defaultValue, onValueChange, className }: TabsProps) {
  return (
    <RadixTabs.Root
      {...(value !== undefined ? { value } : { defaultValue: defaultValue ?? items[0]?.value })}
      {...(onValueChange ? { onValueChange } : {})}
      className={clsx('flex flex-col gap-4', className)}
    >
      <RadixTabs.List
        aria-label={label}
        className="flex gap-1 overflow-x-auto border-b border-border"
      >
        {items.map((item) => (
          <RadixTabs.Trigger
            key={item.value}
            value={item.value}
            disabled={item.disabled}
            className={clsx(
              '-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-fg',
              'hover:text-fg data-[state=active]:border-primary data-[state=active]:text-fg',
              'disabled:cursor-not-allowed disabled:opacity-60',
            )}
          >
            {item.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {items.map((item) => (
        <RadixTabs.Content key={item.value} value={item.value} className="rounded-control">
          {item.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
