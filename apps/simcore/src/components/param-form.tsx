// Parameter controls generated from the module's metadata: label with unit, range, step; the
// module's own schema checks the values and names the field that is wrong.
import { Field, Input } from '@alawein/ui';
import { NativeSelect } from './native-select.tsx';
import type { ParamMeta } from '@alawein/simcore-engine';

export type FormValues = Record<string, string | [string, string, string]>;

/** Form values (strings, as typed) from params. */
export function toFormValues(params: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(params)) {
    values[key] = Array.isArray(value)
      ? [String(value[0]), String(value[1]), String(value[2])]
      : String(value);
  }
  return values;
}

/** Params from form values: numbers where the metadata says so. */
export function fromFormValues(
  values: FormValues,
  meta: Record<string, ParamMeta>,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  for (const [key, value] of Object.entries(values)) {
    const kind = meta[key]?.kind;
    if (Array.isArray(value)) params[key] = value.map(toNumber);
    else params[key] = kind === 'choice' ? value : toNumber(value);
  }
  return params;
}

function rangeHint(meta: ParamMeta): string | undefined {
  if (meta.kind === 'choice') return meta.help;
  const range = `${meta.min} to ${meta.max}${meta.unit ? ` ${meta.unit}` : ''}`;
  return meta.help ? `${meta.help} (${range})` : range;
}

export function ParamForm({
  meta,
  values,
  errors,
  disabled,
  onChange,
}: {
  meta: Record<string, ParamMeta>;
  values: FormValues;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (key: string, value: FormValues[string]) => void;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {Object.entries(meta).map(([key, m]) => {
        const label = m.unit ? `${m.label} (${m.unit})` : m.label;
        const value = values[key];
        if (m.kind === 'choice') {
          return (
            <Field key={key} label={label} hint={rangeHint(m)} error={errors[key]}>
              <NativeSelect
                value={typeof value === 'string' ? value : ''}
                disabled={disabled}
                onChange={(event) => onChange(key, event.target.value)}
                data-testid={`param-${key}`}
                options={m.options}
              />
            </Field>
          );
        }
        if (m.kind === 'vector3') {
          const vector = Array.isArray(value) ? value : (['', '', ''] as const);
          return (
            <fieldset key={key} className="flex flex-col gap-1">
              <legend className="text-sm font-medium">{label}</legend>
              <div className="flex gap-2">
                {(['x', 'y', 'z'] as const).map((axis, index) => (
                  <Field key={axis} label={`${axis}`} error={index === 0 ? errors[key] : undefined}>
                    <Input
                      type="number"
                      inputMode="decimal"
                      min={m.min}
                      max={m.max}
                      step={m.step}
                      value={vector[index]}
                      disabled={disabled}
                      data-testid={`param-${key}-${axis}`}
                      onChange={(event) => {
                        const next: [string, string, string] = [vector[0], vector[1], vector[2]];
                        next[index] = event.target.value;
                        onChange(key, next);
                      }}
                    />
                  </Field>
                ))}
              </div>
            </fieldset>
          );
        }
        return (
          <Field key={key} label={label} hint={rangeHint(m)} error={errors[key]}>
            <Input
              type="number"
              inputMode={m.kind === 'integer' ? 'numeric' : 'decimal'}
              min={m.min}
              max={m.max}
              step={m.step}
              value={typeof value === 'string' ? value : ''}
              disabled={disabled}
              data-testid={`param-${key}`}
              onChange={(event) => onChange(key, event.target.value)}
            />
          </Field>
        );
      })}
    </div>
  );
}
