import { useMemo } from 'react';
import {
  CartesianGrid,
  Label,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { ChartFigure } from './ChartFigure';
import {
  AXIS_LABEL,
  AXIS_TICK,
  CHART_HEIGHT,
  CHART_MARGIN,
  formatNumber,
  GRID_STROKE,
  inDeclaredOrder,
  SERIES_COLOR,
  SMALL_TEXT,
  stepDomain,
} from './chartStyle';
import { downsample, MAX_PLOTTED } from './downsample';
import { SeriesLegend } from './SeriesLegend';
import { CHART_UPDATE_MS, selectSteps, useThrottledLabView } from './useThrottledLabView';

interface LossRow {
  step: number;
  lossNew: number;
  klPenalty: number;
  /** λ·kl_penalty with the λ of that step (λ can change during a run). */
  weightedKl: number;
  totalLoss: number;
}

/** From 0, unless a misused KL (e.g. the wrong log_target) went negative: then show that too. */
const LOSS_DOMAIN: [(dataMin: number) => number, 'auto'] = [(dataMin) => Math.min(0, dataMin), 'auto'];
const SERIES_ORDER = inDeclaredOrder(['lossNew', 'klPenalty', 'weightedKl', 'totalLoss']);

/** loss_new, kl_penalty, λ·kl_penalty and the total loss of every fine-tuning step. */
export function LossChart() {
  const t = useT();
  const steps = useThrottledLabView(selectSteps, CHART_UPDATE_MS);
  const plannedSteps = useLabView((view) => view.settings.steps);
  const rows = useMemo(
    (): LossRow[] =>
      downsample(steps, MAX_PLOTTED).map((s) => ({
        step: s.step,
        lossNew: s.lossNew,
        klPenalty: s.klPenalty,
        weightedKl: s.lambda * s.klPenalty,
        totalLoss: s.totalLoss,
      })),
    [steps],
  );
  const lastStep = rows.at(-1)?.step ?? 0;
  // A lone first step has no line yet: show it as a dot.
  const dot = rows.length === 1 ? { r: 3 } : false;

  return (
    <ChartFigure
      title={t('charts.loss.title')}
      dataPoints={rows.length}
      empty={rows.length === 0 ? t('charts.loss.empty') : null}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} />
          <XAxis
            dataKey="step"
            type="number"
            domain={stepDomain(plannedSteps, lastStep)}
            allowDecimals={false}
            tick={AXIS_TICK}
          >
            <Label value={t('charts.axis.step')} position="insideBottom" offset={-10} style={AXIS_LABEL} />
          </XAxis>
          <YAxis domain={LOSS_DOMAIN} tick={AXIS_TICK} tickFormatter={formatNumber} width={48}>
            <Label
              value={t('charts.loss.axis')}
              angle={-90}
              position="insideLeft"
              offset={8}
              style={{ ...AXIS_LABEL, textAnchor: 'middle' }}
            />
          </YAxis>
          <Tooltip
            isAnimationActive={false}
            itemSorter={SERIES_ORDER}
            labelFormatter={(step) => t('charts.tooltip.step', { step: String(step) })}
            formatter={(value) => (typeof value === 'number' ? formatNumber(value) : value)}
            contentStyle={SMALL_TEXT}
          />
          <Legend content={SeriesLegend} position="top" itemSorter={SERIES_ORDER} />
          <Line
            dataKey="lossNew"
            name={t('charts.series.lossNew')}
            stroke={SERIES_COLOR.newTask}
            strokeWidth={1.5}
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            dataKey="klPenalty"
            name={t('charts.series.klPenalty')}
            stroke={SERIES_COLOR.oldTask}
            strokeWidth={1.5}
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            dataKey="weightedKl"
            name={t('charts.series.lambdaKl')}
            stroke={SERIES_COLOR.lambdaKl}
            strokeWidth={1.5}
            strokeDasharray="5 3"
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            dataKey="totalLoss"
            name={t('charts.series.totalLoss')}
            stroke={SERIES_COLOR.total}
            strokeWidth={2}
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
