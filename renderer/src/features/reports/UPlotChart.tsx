// A uPlot chart that fills its box, redraws when its data changes, and reports which x index
// was clicked (every bar and day drills down to its orders). uPlot draws on a canvas and
// styles its elements through the DOM API, which the console's CSP allows.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotChartProps {
  /** Everything but width and height, which follow the box. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  label: string;
  onPick?: (index: number) => void;
}

export function UPlotChart({ options, data, height, label, onPick }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const chart = new uPlot({ ...options, width: Math.max(200, el.clientWidth), height }, data, el);
    const onClick = () => {
      const idx = chart.cursor.idx;
      if (idx !== null && idx !== undefined) pick.current?.(idx);
    };
    chart.over.addEventListener('click', onClick);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.over.removeEventListener('click', onClick);
      chart.destroy();
    };
  }, [options, data, height]);
  return <div ref={box} className="report-chart" role="img" aria-label={label} />;
}

/** Bars for categories 0..n-1, named by `labels` on the x axis. */
export function categoryAxis(labels: readonly string[]): Pick<uPlot.Options, 'scales'> & { axis: uPlot.Axis } {
  return {
    scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
    axis: { splits: () => labels.map((_, i) => i), values: (_u, splits) => splits.map((i) => labels[i] ?? ''), grid: { show: false }, gap: 4 },
  };
}

export const bars = uPlot.paths.bars?.({ size: [0.7, 48], gap: 2 });
