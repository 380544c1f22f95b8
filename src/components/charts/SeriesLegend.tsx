import type { DefaultLegendContentProps } from 'recharts';
import { KeyLine } from './keyIcons';

type LegendEntry = NonNullable<DefaultLegendContentProps['payload']>[number];

/** The stroke dash pattern of a legend entry's line, if it is dashed. */
function dashOf(payload: object | undefined): string | undefined {
  if (payload && 'strokeDasharray' in payload) {
    const dash = payload.strokeDasharray;
    if (typeof dash === 'string' || typeof dash === 'number') return String(dash);
  }
  return undefined;
}

/** The line a legend entry stands for, drawn in its colour and dash. */
export function SeriesIcon({ entry }: { entry: LegendEntry }) {
  return <KeyLine color={entry.color} dash={dashOf(entry.payload)} />;
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
          <SeriesIcon entry={entry} />
          {entry.value}
        </li>
      ))}
    </ul>
  );
}
