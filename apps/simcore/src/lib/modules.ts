// Looking modules up and laying out their series as plots, from the engine's catalog: metadata
// only (no zod, no numerics), so list and run pages stay light; only the module page loads runners.
import { catalogList, type ModuleInfo } from '@alawein/simcore-engine/catalog';

export type AnyModule = (typeof catalogList)[number];

/** The module's metadata with this id, or undefined. */
export function findModule(id: string | undefined): AnyModule | undefined {
  return catalogList.find((module) => module.id === id);
}

/** One plot: an x column and the columns drawn against it. */
export interface PlotLayout {
  x: string;
  xLabel: string;
  ys: { key: string; label: string; unit: string }[];
}

/**
 * Plots for a module's series: every column with an `axis` is drawn against that column; columns
 * without one (other than axes themselves) against the first column.
 */
export function plotLayouts(module: Pick<ModuleInfo, 'seriesFields'>): PlotLayout[] {
  const fields = Object.entries(module.seriesFields) as [
    string,
    { label: string; unit: string; axis?: string },
  ][];
  const first = fields[0]?.[0];
  if (!first) return [];
  const axes = new Set(fields.map(([, field]) => field.axis ?? first));
  const byAxis = new Map<string, PlotLayout>();
  for (const [key, field] of fields) {
    if (axes.has(key) && field.axis === undefined) continue;
    const x = field.axis ?? first;
    const xField = module.seriesFields[x];
    const plot = byAxis.get(x) ?? {
      x,
      xLabel: xField ? `${xField.label}${xField.unit ? ` (${xField.unit})` : ''}` : x,
      ys: [],
    };
    plot.ys.push({ key, label: field.label, unit: field.unit });
    byAxis.set(x, plot);
  }
  return [...byAxis.values()];
}

/** A number for people: 4 significant digits, exponent when very large or small. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (value !== 0 && (magnitude < 1e-3 || magnitude >= 1e6)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}
