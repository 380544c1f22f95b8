import { Label, Tooltip, type TooltipProps, XAxis, YAxis, type YAxisProps } from 'recharts';
import { formatCompact } from '../formatNumber';
/**
 * How the charts look. Colours are from the Okabe–Ito palette (distinguishable with every common
 * colour-vision deficiency). One meaning, one colour across all charts: blue is the new task
 * (loss_new, its accuracy), vermillion is what ties the model to the old one (kl_penalty, old-task
 * accuracy).
 */
export const SERIES_COLOR = {
  newTask: '#0072B2',
  oldTask: '#D55E00',
  lambdaKl: '#CC79A7',
  // Black in the palette; a CSS variable so that it turns light on the dark theme.
  total: 'var(--series-total)',
  reference: '#6b6b6b',
} as const;

/** BatchNorm channels 0, 1, 2. */
export const CHANNEL_COLOR = ['#009E73', '#E69F00', '#56B4E9'] as const;

/** Classes 0, 1, 2 of the decision regions and the points, as RGB for pixel mixing. */
export const CLASS_RGB: readonly (readonly [number, number, number])[] = [
  [230, 159, 0],
  [86, 180, 233],
  [0, 158, 115],
];

export function classColor(label: number): string {
  const [r, g, b] = CLASS_RGB[label % CLASS_RGB.length];
  return `rgb(${r} ${g} ${b})`;
}

/**
 * Recharts styling shared by every chart, so they read as one set. Grid, axes and labels take the
 * theme's CSS variables (styles.css), which SVG strokes and fills accept as they are.
 */
export const CHART_HEIGHT = 220;
export const SMALL_CHART_HEIGHT = 180;
export const CHART_MARGIN = { top: 12, right: 8, bottom: 14, left: 0 } as const;
export const AXIS_TICK = { fontSize: 11, fill: 'var(--chart-axis)' } as const;
export const AXIS_LABEL = { fontSize: 11, fill: 'var(--chart-label)' } as const;
export const AXIS_STROKE = 'var(--chart-axis)';
export const SMALL_TEXT = { fontSize: 11, lineHeight: '14px' } as const;
export const GRID_STROKE = 'var(--chart-grid)';
const TOOLTIP_BOX = {
  ...SMALL_TEXT,
  background: 'var(--panel)',
  borderColor: 'var(--border-strong)',
  color: 'var(--text)',
} as const;

/**
 * The step axis spans the whole planned run, so its ticks stay put while the lines grow (and every
 * chart lines up with the others); it widens if the run went past a since-lowered step count.
 */
export function stepDomain(plannedSteps: number, lastStep: number): [number, number] {
  return [0, Math.max(plannedSteps, lastStep, 1)];
}

/** Legend and tooltip entries in the order the series are declared (Recharts sorts by name otherwise). */
export function inDeclaredOrder(dataKeys: readonly string[]): (item: { dataKey?: unknown }) => number {
  return (item) => dataKeys.indexOf(String(item.dataKey));
}

/**
 * The x axis every chart shares: fine-tuning steps from 0 to the planned count. Called as a function
 * (not rendered as a component) because Recharts reads its axes from the chart's direct children.
 */
export function stepAxis(label: string, domain: [number, number]) {
  return (
    <XAxis
      dataKey="step"
      type="number"
      domain={domain}
      allowDecimals={false}
      tick={AXIS_TICK}
      stroke={AXIS_STROKE}
    >
      <Label value={label} position="insideBottom" offset={-10} style={AXIS_LABEL} />
    </XAxis>
  );
}

/** A y axis with its name written along it; `props` sets the domain, ticks and number format. */
export function valueAxis(label: string, props: Pick<YAxisProps, 'domain' | 'ticks' | 'tickFormatter'>) {
  return (
    <YAxis {...props} tick={AXIS_TICK} stroke={AXIS_STROKE} width={48}>
      <Label
        value={label}
        angle={-90}
        position="insideLeft"
        offset={8}
        style={{ ...AXIS_LABEL, textAnchor: 'middle' }}
      />
    </YAxis>
  );
}

/** The hover box every step chart shares: "step N" and each series' value, in series order. */
export function stepTooltip(
  stepLabel: (step: number) => string,
  itemSorter: TooltipProps<number, string>['itemSorter'],
  format: (value: number) => string = formatCompact,
) {
  return (
    <Tooltip
      isAnimationActive={false}
      itemSorter={itemSorter}
      labelFormatter={(step) => stepLabel(Number(step))}
      formatter={(value) => (typeof value === 'number' ? format(value) : value)}
      contentStyle={TOOLTIP_BOX}
    />
  );
}
