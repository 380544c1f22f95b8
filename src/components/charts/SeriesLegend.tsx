import type { DefaultLegendContentProps } from 'recharts';

/** The stroke dash pattern of a legend entry's line, if it is dashed. */
function dashOf(payload: object | undefined): string | undefined {
  if (payload && 'strokeDasharray' in payload) {
    const dash = payload.strokeDasharray;
    if (typeof dash === 'string' || typeof dash === 'number') return String(dash);
  }
  return undefined;
}

/**
 * A line chart's legend: each series' line style and its (catalog) name. Replaces Recharts' default
 * content, whose icons carry an English accessible name of their own; these icons are decorative.
 */
export function SeriesLegend({ payload }: DefaultLegendContentProps) {
  return (
    <ul className="chart-key">
      {payload?.map((entry) => (
        <li key={String(entry.dataKey)}>
          <svg width="22" height="10" aria-hidden="true">
            <line
              x1="1"
              y1="5"
              x2="21"
              y2="5"
              stroke={entry.color}
              strokeWidth="2"
              strokeDasharray={dashOf(entry.payload)}
            />
          </svg>
          {entry.value}
        </li>
      ))}
    </ul>
  );
}
