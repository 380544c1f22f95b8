import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer } from 'recharts';
import { useT } from '../../i18n/I18n';
import { useLabStore, useLabView } from '../../state/LabContext';
import type { GhostRun } from '../../state/store';
import { formatPercent } from '../formatNumber';
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
import { ghostName } from './ghostName';
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
/** Earlier runs, oldest first, each with its own dash so that two ghosts never look alike. */
const GHOST_DASH = ['2 3', '6 3', '1 2', '8 2 2 2', '4 4'];
const GHOST_OPACITY = 0.45;

const ghostKey = (ghost: GhostRun, task: 'old' | 'new') => `ghost${ghost.id}${task}`;

function ghostRows(ghost: GhostRun): Record<string, number>[] {
  return downsample(ghost.accuracy, MAX_PLOTTED).map((a) => ({
    step: a.step,
    [ghostKey(ghost, 'old')]: percent(a.oldTaskAcc),
    [ghostKey(ghost, 'new')]: percent(a.newTaskAcc),
  }));
}

/** Test accuracy on both tasks after each report; forgetting shows as the old-task line falling. */
export function AccuracyChart() {
  const t = useT();
  const store = useLabStore();
  const snapshots = useThrottledLabView(selectSnapshots, CHART_UPDATE_MS);
  const ghosts = useLabView((view) => view.ghosts);
  const ghostData = useMemo(() => ghosts.map(ghostRows), [ghosts]);
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
  const lastStep = Math.max(rows.at(-1)?.step ?? 0, ...ghosts.map((g) => g.accuracy.at(-1)?.step ?? 0));
  // A lone first point (right after pretraining) has no line yet: show it as a dot.
  const dot = rows.length === 1 ? { r: 3 } : false;

  return (
    <ChartFigure
      title={t('charts.accuracy.title')}
      dataPoints={rows.length}
      empty={rows.length === 0 && ghosts.length === 0 ? t('charts.accuracy.empty') : null}
      note={
        ghosts.length > 0 && (
          <button type="button" className="link-button" onClick={() => store.clearGhosts()}>
            {t('charts.accuracy.clearGhosts')}
          </button>
        )
      }
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} />
          {stepAxis(t('charts.axis.step'), stepDomain(plannedSteps, lastStep))}
          {valueAxis(t('charts.accuracy.axis'), { domain: [0, 100], ticks: PERCENT_TICKS })}
          {stepTooltip(
            (step) => t('charts.tooltip.step', { step: String(step) }),
            SERIES_ORDER,
            (points) => formatPercent(points / 100),
          )}
          <Legend content={SeriesLegend} position="top" itemSorter={SERIES_ORDER} />
          {pretrained !== null && (
            <ReferenceLine
              y={percent(pretrained)}
              stroke={SERIES_COLOR.reference}
              strokeDasharray="4 3"
              label={{
                value: t('charts.accuracy.pretrained', { value: formatPercent(pretrained) }),
                position: 'insideBottomRight',
                style: AXIS_LABEL,
                halo: { stroke: 'var(--bg)' },
              }}
            />
          )}
          {ghosts.flatMap((ghost, i) => {
            const dash = GHOST_DASH[i % GHOST_DASH.length];
            const shared = {
              data: ghostData[i],
              strokeWidth: 1.5,
              strokeOpacity: GHOST_OPACITY,
              strokeDasharray: dash,
              dot: false,
              isAnimationActive: false,
            } as const;
            // One legend entry per earlier run, named by what set it apart; its new-task line shares it.
            return [
              <Line
                key={ghostKey(ghost, 'old')}
                {...shared}
                dataKey={ghostKey(ghost, 'old')}
                name={ghostName(ghost, t)}
                stroke={SERIES_COLOR.oldTask}
                legendType="plainline"
              />,
              <Line
                key={ghostKey(ghost, 'new')}
                {...shared}
                dataKey={ghostKey(ghost, 'new')}
                name={`${ghostName(ghost, t)} (${t('charts.accuracy.newTask')})`}
                stroke={SERIES_COLOR.newTask}
                legendType="none"
              />,
            ];
          })}
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
