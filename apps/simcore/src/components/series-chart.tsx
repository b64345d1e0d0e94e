// Line chart on uPlot (the chart library REPZ uses: ~20 KB gzipped, canvas, fast), imported only
// by module and run pages so it never weighs on the first page.
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartLine {
  label: string;
  /** y values aligned with `x`; null leaves a gap. */
  values: readonly (number | null)[];
}

export interface SeriesChartProps {
  /** Accessible name of the chart. */
  title: string;
  x: readonly number[];
  xLabel: string;
  lines: ChartLine[];
  yLabel?: string;
  height?: number;
  testId?: string;
}

/** Colours that keep 3:1 contrast on the light and dark backgrounds, in order. */
export const CHART_COLORS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2'];

export function SeriesChart({
  title,
  x,
  xLabel,
  lines,
  yLabel,
  height = 240,
  testId,
}: SeriesChartProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const data: uPlot.AlignedData = [
      Float64Array.from(x),
      ...lines.map((line) => [...line.values]),
    ];
    const plot = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height,
        scales: { x: { time: false } },
        axes: [{ label: xLabel }, { label: yLabel ?? '' }],
        series: [
          { label: xLabel },
          ...lines.map((line, index) => ({
            label: line.label,
            stroke: CHART_COLORS[index % CHART_COLORS.length],
            width: 2,
            spanGaps: true,
          })),
        ],
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, element.clientWidth), height }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, xLabel, lines, yLabel, height]);

  return (
    <figure className="flex min-w-0 flex-col gap-1" data-testid={testId}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div
        ref={container}
        role="img"
        aria-label={`${title}: ${lines.map((l) => l.label).join(', ')} against ${xLabel}`}
      />
    </figure>
  );
}
