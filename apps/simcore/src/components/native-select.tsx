import { useFieldControl } from '@alawein/ui';
import type { SelectHTMLAttributes } from 'react';

/** A native <select> wired to its surrounding Field (label, hint, error). */
export function NativeSelect({
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  options: readonly { value: string; label: string }[];
}) {
  const control = useFieldControl();
  return (
    <select
      {...control}
      {...props}
      className="h-10 rounded-control border border-control-border bg-bg px-3 text-sm text-fg focus-visible:outline-2 focus-visible:outline-ring"
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
