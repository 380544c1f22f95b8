import type { ReactNode } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, type TooltipProps, type YAxisProps } from 'recharts';
import { useT } from '../../i18n/I18n';
import { formatCompact } from '../formatNumber';
import { CHART_MARGIN, GRID_STROKE, stepAxis, stepTooltip, valueAxis } from './chartStyle';

interface StepChartProps {
  /** One row per plotted step: `step` and a value per series. */
  rows: readonly object[];
  height: number;
  /** The step axis' span (`stepDomain`). */
  steps: [number, number];
  /** The y axis' name, and its domain, ticks and number format. */
  valueLabel: string;
  valueAxisProps: Pick<YAxisProps, 'domain' | 'ticks' | 'tickFormatter'>;
  /** The tooltip's order of series, and how it prints their values. */
  seriesOrder: TooltipProps<number, string>['itemSorter'];
  formatValue?: (value: number) => string;
  /** The lines, and a legend or reference lines if the chart has them. */
  children: ReactNode;
}

/** What every step chart shares: fine-tuning steps across, one value axis up, a grid and a tooltip. */
export function StepChart({
  rows,
  height,
  steps,
  valueLabel,
  valueAxisProps,
  seriesOrder,
  formatValue = formatCompact,
  children,
}: StepChartProps) {
  const t = useT();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows as object[]} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} />
        {stepAxis(t('charts.axis.step'), steps)}
        {valueAxis(valueLabel, valueAxisProps)}
        {stepTooltip((step) => t('charts.tooltip.step', { step: String(step) }), seriesOrder, formatValue)}
        {children}
      </LineChart>
    </ResponsiveContainer>
  );
}
