import * as RadixSelect from '@radix-ui/react-select';
import { clsx } from 'clsx';
import { useFieldControl } from './field-context.ts';
import { controlClass } from './Input.tsx';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps {
  options: SelectOption[];
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  placeholder?: string;
  /** Submits the value with a surrounding <form> under this name. */
  name?: string;
  disabled?: boolean;
  required?: boolean;
  /** Accessible name when not inside a Field. */
  'aria-label'?: string;
  className?: string;
  'data-testid'?: string;
}

/**
 * Listbox select on Radix: type-ahead, arrow keys, Home/End, Escape; the trigger is a button
 * labelled by the enclosing Field. (Option values must be non-empty strings.)
 */
export function Select({
  options,
  value,
  defaultValue,
  onValueChange,
  placeholder = 'Select…',
  name,
  disabled,
  required,
  className,
  ...aria
}: SelectProps) {
  const field = useFieldControl();
  return (
    <RadixSelect.Root
      {...(value !== undefined ? { value } : {})}
      {...(defaultValue !== undefined ? { defaultValue } : {})}
      {...(onValueChange ? { onValueChange } : {})}
      {...(name !== undefined ? { name } : {})}
      {...(disabled !== undefined ? { disabled } : {})}
      {...(required !== undefined ? { required } : {})}
    >
      <RadixSelect.Trigger
        {...field}
        {...aria}
        className={clsx(
          controlClass,
          'flex h-10 items-center justify-between gap-2 text-left',
          className,
        )}
      >
        <RadixSelect.Value placeholder={placeholder} />
        <RadixSelect.Icon className="text-muted-fg">
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="M4 6l4 4 4-4" />
          </svg>
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content
          position="popper"
          sideOffset={4}
          className="z-50 max-h-(--radix-select-content-available-height) min-w-(--radix-select-trigger-width) overflow-hidden rounded-control border border-border bg-bg text-fg shadow-lg"
        >
          <RadixSelect.Viewport className="p-1">
            {options.map((option) => (
              <RadixSelect.Item
                key={option.value}
                value={option.value}
                disabled={option.disabled}
                className={clsx(
                  'relative flex cursor-default items-center rounded-control py-2 pr-3 pl-8 text-sm outline-none select-none',
                  'data-disabled:opacity-50 data-highlighted:bg-muted',
                )}
              >
                <RadixSelect.ItemIndicator className="absolute left-2 text-primary">
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 16 16"
                    className="size-4"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2"
                  >
                    <path d="M3 8.5l3 3 7-7" />
                  </svg>
                </RadixSelect.ItemIndicator>
                <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
