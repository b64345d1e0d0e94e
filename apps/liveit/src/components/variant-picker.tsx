import type { Variant } from '../api/catalogue.ts';

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

/** One radio group of options; options no variant offers with the other choice are marked sold out. */
function OptionGroup({
  legend,
  name,
  options,
  value,
  onChange,
  soldOut,
}: {
  legend: string;
  name: string;
  options: string[];
  value: string | null;
  onChange: (value: string) => void;
  soldOut: (option: string) => boolean;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">
        {legend}: {value ?? 'choose one'}
      </legend>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => (
          <label
            key={option}
            className="cursor-pointer rounded-control border border-control-border px-3 py-2 text-sm has-checked:border-primary has-checked:bg-primary has-checked:text-primary-fg has-focus-visible:ring-2 has-focus-visible:ring-ring"
          >
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              className="sr-only"
            />
            {option}
            {soldOut(option) && <span className="ml-1 line-through">(sold out)</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Size and colour choices that together select one variant. */
export function VariantPicker({
  variants,
  size,
  colour,
  onChange,
}: {
  variants: Variant[];
  size: string | null;
  colour: string | null;
  onChange: (choice: { size: string | null; colour: string | null }) => void;
}) {
  const sizes = unique(variants.map((v) => v.size));
  const colours = unique(variants.map((v) => v.colour));
  const availableWith = (match: (v: Variant) => boolean) =>
    !variants.some((v) => match(v) && (v.stock_available ?? 0) > 0);
  return (
    <div className="flex flex-col gap-4">
      {colours.length > 0 && (
        <OptionGroup
          legend="Colour"
          name="colour"
          options={colours}
          value={colour}
          onChange={(value) => onChange({ size, colour: value })}
          soldOut={(option) =>
            availableWith((v) => v.colour === option && (size === null || v.size === size))
          }
        />
      )}
      {sizes.length > 0 && (
        <OptionGroup
          legend="Size"
          name="size"
          options={sizes}
          value={size}
          onChange={(value) => onChange({ size: value, colour })}
          soldOut={(option) =>
            availableWith((v) => v.size === option && (colour === null || v.colour === colour))
          }
        />
      )}
    </div>
  );
}
