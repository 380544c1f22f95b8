import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer } from 'recharts';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { ChartFigure } from './ChartFigure';
import {
  AXIS_LABEL,
  CHART_HEIGHT,
  CHART_MARGIN,
  GRID_STROKE,
  inDeclaredOrder,
  SERIES_COLOR,
  stepAxis,
  stepDomain,
  stepTooltip,
  valueAxis,
} from './chartStyle';
import { downsample, MAX_PLOTTED } from './downsample';
import { SeriesLegend } from './SeriesLegend';
import { CHART_UPDATE_MS, selectSnapshots, useThrottledLabView } from './useThrottledLabView';

interface AccuracyRow {
  step: number;
  /** Percent. */
  oldTask: number;
  newTask: number;
}

const SERIES_ORDER = inDeclaredOrder(['oldTask', 'newTask']);
const PERCENT_TICKS = [0, 25, 50, 75, 100];
const percent = (fraction: number) => fraction * 100;
const formatPercent = (value: number) => `${value.toFixed(1)}%`;

/** Test accuracy on both tasks after each report; forgetting shows as the old-task line falling. */
export function AccuracyChart() {
  const t = useT();
  const snapshots = useThrottledLabView(selectSnapshots, CHART_UPDATE_MS);
  const pretrained = useLabView((view) => view.pretrain.oldTaskAcc);
  const plannedSteps = useLabView((view) => view.settings.steps);
  const rows = useMemo(
    (): AccuracyRow[] =>
      downsample(snapshots, MAX_PLOTTED).map((s) => ({
        step: s.step,
        oldTask: percent(s.oldTaskAcc),
        newTask: percent(s.newTaskAcc),
      })),
    [snapshots],
  );
  const lastStep = rows.at(-1)?.step ?? 0;
  // A lone first point (right after pretraining) has no line yet: show it as a dot.
  const dot = rows.length === 1 ? { r: 3 } : false;

  return (
    <ChartFigure
      title={t('charts.accuracy.title')}
      dataPoints={rows.length}
      empty={rows.length === 0 ? t('charts.accuracy.empty') : null}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} />
          {stepAxis(t('charts.axis.step'), stepDomain(plannedSteps, lastStep))}
          {valueAxis(t('charts.accuracy.axis'), { domain: [0, 100], ticks: PERCENT_TICKS })}
          {stepTooltip(
            (step) => t('charts.tooltip.step', { step: String(step) }),
            SERIES_ORDER,
            formatPercent,
          )}
          <Legend content={SeriesLegend} position="top" itemSorter={SERIES_ORDER} />
          {pretrained !== null && (
            <ReferenceLine
              y={percent(pretrained)}
              stroke={SERIES_COLOR.reference}
              strokeDasharray="4 3"
              label={{
                value: t('charts.accuracy.pretrained', { value: percent(pretrained).toFixed(1) }),
                position: 'insideBottomRight',
                style: AXIS_LABEL,
                halo: true,
              }}
            />
          )}
          <Line
            dataKey="oldTask"
            name={t('charts.accuracy.oldTask')}
            stroke={SERIES_COLOR.oldTask}
            strokeWidth={2}
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            dataKey="newTask"
            name={t('charts.accuracy.newTask')}
            stroke={SERIES_COLOR.newTask}
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
