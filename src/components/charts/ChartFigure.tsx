import { type ReactNode, useId } from 'react';
import './charts.css';

interface ChartFigureProps {
  title: string;
  /** How many data points the chart plots now; tests read it from `data-points`. */
  dataPoints: number;
  /** Shown instead of the chart while there is nothing to plot; null once there is. */
  empty: string | null;
  /** A remark under the chart, shown with or without data. */
  note?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** The frame every live chart shares: a titled figure, or its empty-state message. */
export function ChartFigure({ title, dataPoints, empty, note, className, children }: ChartFigureProps) {
  const titleId = useId();
  return (
    <figure
      className={className ? `chart ${className}` : 'chart'}
      aria-labelledby={titleId}
      data-points={empty === null ? dataPoints : 0}
    >
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      {empty === null ? children : <p className="chart-empty">{empty}</p>}
      {note && <p className="chart-note">{note}</p>}
    </figure>
  );
}
