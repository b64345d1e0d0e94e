// The plots of a run's saved (or just computed) series, laid out from the module's metadata.
import { useMemo } from 'react';
import { plotLayouts, type AnyModule } from '../lib/modules.ts';
import { SeriesChart } from './series-chart.tsx';

export function RunPlots({
  module,
  series,
}: {
  module: AnyModule;
  series: Record<string, number[]>;
}) {
  const plots = useMemo(
    () =>
      plotLayouts(module)
        .filter((plot) => series[plot.x])
        .map((plot) => ({
          ...plot,
          lines: plot.ys
            .filter((y) => series[y.key])
            .map((y) => ({ label: y.label, values: series[y.key]! })),
        })),
    [module, series],
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="run-plots">
      {plots.map((plot) => (
        <SeriesChart
          key={plot.x}
          title={plot.lines.map((line) => line.label).join(', ')}
          x={series[plot.x]!}
          xLabel={plot.xLabel}
          lines={plot.lines}
        />
      ))}
    </div>
  );
}
