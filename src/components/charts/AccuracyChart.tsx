import { useMemo } from 'react';
import { Legend, Line, ReferenceLine } from 'recharts';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabStore, useLabView } from '../../state/LabContext';
import type { GhostRun } from '../../state/store';
import { formatPercent } from '../formatNumber';
import { ChartFigure } from './ChartFigure';
import { AXIS_LABEL, CHART_HEIGHT, inDeclaredOrder, SERIES_COLOR, stepDomain } from './chartStyle';
import { downsample, MAX_PLOTTED } from './downsample';
import { ghostName } from './ghostName';
import { SeriesLegend } from './SeriesLegend';
import { StepChart } from './StepChart';
import { CHART_UPDATE_MS, selectSnapshots, useThrottledLabView } from './useThrottledLabView';

interface AccuracyRow {
  step: number;
  /** Percent. */
  oldTask: number;
  newTask: number;
}

interface TaskSeries {
  task: 'old' | 'new';
  dataKey: Exclude<keyof AccuracyRow, 'step'>;
  name: MessageKey;
  color: string;
}

/** The two tasks' lines, in the order of the legend and the tooltip. */
const TASKS: readonly TaskSeries[] = [
  { task: 'old', dataKey: 'oldTask', name: 'charts.accuracy.oldTask', color: SERIES_COLOR.oldTask },
  { task: 'new', dataKey: 'newTask', name: 'charts.accuracy.newTask', color: SERIES_COLOR.newTask },
];
const SERIES_ORDER = inDeclaredOrder(TASKS.map((task) => task.dataKey));
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
      <StepChart
        rows={rows}
        height={CHART_HEIGHT}
        steps={stepDomain(plannedSteps, lastStep)}
        valueLabel={t('charts.accuracy.axis')}
        valueAxisProps={{ domain: [0, 100], ticks: PERCENT_TICKS }}
        seriesOrder={SERIES_ORDER}
        formatValue={(points) => formatPercent(points / 100)}
      >
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
        {ghosts.flatMap((ghost, i) =>
          // One legend entry per earlier run, named by what set it apart; its new-task line shares it.
          TASKS.map(({ task, color }) => (
            <Line
              key={ghostKey(ghost, task)}
              data={ghostData[i]}
              dataKey={ghostKey(ghost, task)}
              name={
                task === 'old'
                  ? ghostName(ghost, t)
                  : `${ghostName(ghost, t)} (${t('charts.accuracy.newTask')})`
              }
              stroke={color}
              strokeWidth={1.5}
              strokeOpacity={GHOST_OPACITY}
              strokeDasharray={GHOST_DASH[i % GHOST_DASH.length]}
              dot={false}
              isAnimationActive={false}
              legendType={task === 'old' ? 'plainline' : 'none'}
            />
          )),
        )}
        {TASKS.map(({ dataKey, name, color }) => (
          <Line
            key={dataKey}
            dataKey={dataKey}
            name={t(name)}
            stroke={color}
            strokeWidth={2}
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
        ))}
      </StepChart>
    </ChartFigure>
  );
}
