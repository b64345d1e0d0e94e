// Time-series chart on uPlot (see README: ~20 KB gzipped, canvas, fast). Imported only by the pages
// that draw charts, so it is never part of the first page.
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

export interface LineChartProps {
  /** Accessible name of the chart; the data is also given as a table for screen readers. */
  title: string;
  /** Days (YYYY-MM-DD), ascending. */
  days: string[];
  series: ChartSeries[];
  unit: string;
  height?: number;
  testId?: string;
}

const toSeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

export function LineChart({ title, days, series, unit, height = 260, testId }: LineChartProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const data: uPlot.AlignedData = [days.map(toSeconds), ...series.map((s) => s.values)];
    const plot = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height,
        scales: { x: { time: true } },
        axes: [{}, { label: unit }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            points: { show: true, size: 6 },
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
  }, [days, series, unit, height]);

  return (
    <figure className="flex flex-col gap-2" data-testid={testId}>
      <div ref={container} role="img" aria-label={title} />
      <figcaption className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label} ({unit})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, index) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[index] ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
