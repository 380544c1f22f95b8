import { useMemo } from 'react';
import { type DefaultLegendContentProps, Legend, Line } from 'recharts';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { type TermId, useHighlightedTerm } from '../../state/highlight';
import { useLabView } from '../../state/LabContext';
import { TermButton } from '../code/TermButton';
import { formatCompact } from '../formatNumber';
import { ChartFigure } from './ChartFigure';
import { CHART_HEIGHT, inDeclaredOrder, SERIES_COLOR, stepDomain } from './chartStyle';
import { downsample, MAX_PLOTTED } from './downsample';
import { ghostName } from './ghostName';
import { SeriesIcon } from './SeriesLegend';
import { StepChart } from './StepChart';
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

interface LossSeries {
  dataKey: Exclude<keyof LossRow, 'step'>;
  /** The term of the formula and the code line the series plots. */
  term: TermId;
  name: MessageKey;
  color: string;
  width: number;
  dash?: string;
}

/** The lines, in the order of the legend and the tooltip. */
const SERIES: readonly LossSeries[] = [
  {
    dataKey: 'lossNew',
    term: 'lossNew',
    name: 'charts.series.lossNew',
    color: SERIES_COLOR.newTask,
    width: 1.5,
  },
  {
    dataKey: 'klPenalty',
    term: 'klPenalty',
    name: 'charts.series.klPenalty',
    color: SERIES_COLOR.oldTask,
    width: 1.5,
  },
  {
    dataKey: 'weightedKl',
    term: 'lambdaKl',
    name: 'charts.series.lambdaKl',
    color: SERIES_COLOR.lambdaKl,
    width: 1.5,
    dash: '5 3',
  },
  {
    dataKey: 'totalLoss',
    term: 'totalLoss',
    name: 'charts.series.totalLoss',
    color: SERIES_COLOR.total,
    width: 2,
  },
];
const SERIES_ORDER = inDeclaredOrder(SERIES.map((series) => series.dataKey));
const SERIES_TERMS: readonly TermId[] = SERIES.map((series) => series.term);

function termOf(dataKey: unknown): TermId | undefined {
  return SERIES.find((series) => series.dataKey === dataKey)?.term;
}

/**
 * The key, one button per series: hovering or focusing one highlights its line here, its term in
 * the formula and its line of code; a click pins it. The icons are decorative.
 */
function LossLegend({ payload }: DefaultLegendContentProps) {
  return (
    <ul className="chart-key">
      {payload?.map((entry) => {
        const term = termOf(entry.dataKey);
        const icon = <SeriesIcon entry={entry} />;
        return (
          <li key={String(entry.dataKey)}>
            {term ? (
              <TermButton term={term}>
                {icon} {entry.value}
              </TermButton>
            ) : (
              <>
                {icon} {entry.value}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A series stands out while its term is highlighted, and the other series fade. */
function seriesEmphasis(term: TermId, highlighted: TermId | null, width: number) {
  const on = highlighted === term;
  const fade = highlighted !== null && !on && SERIES_TERMS.includes(highlighted);
  return {
    'data-series': term,
    'data-highlighted': on,
    strokeWidth: on ? width + 1.5 : width,
    strokeOpacity: fade ? 0.25 : 1,
  };
}

/** loss_new, kl_penalty, λ·kl_penalty and the total loss of every fine-tuning step. */
export function LossChart() {
  const t = useT();
  const steps = useThrottledLabView(selectSteps, CHART_UPDATE_MS);
  const plannedSteps = useLabView((view) => view.settings.steps);
  const highlighted = useHighlightedTerm();
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
  // Runs imported from a file: their total loss, for comparison.
  const ghosts = useLabView((view) => view.ghosts);
  const importedLines = useMemo(
    () =>
      ghosts.flatMap((ghost) =>
        ghost.imported
          ? [
              {
                ghost,
                data: downsample(ghost.imported.totalLoss, MAX_PLOTTED).map((p) => ({
                  step: p.step,
                  [`ghost${ghost.id}total`]: p.value,
                })),
              },
            ]
          : [],
      ),
    [ghosts],
  );
  const lastStep = Math.max(rows.at(-1)?.step ?? 0, ...importedLines.map((l) => l.data.at(-1)?.step ?? 0));
  // A lone first step has no line yet: show it as a dot.
  const dot = rows.length === 1 ? { r: 3 } : false;

  return (
    <ChartFigure
      title={t('charts.loss.title')}
      dataPoints={rows.length}
      empty={rows.length === 0 && importedLines.length === 0 ? t('charts.loss.empty') : null}
    >
      <StepChart
        rows={rows}
        height={CHART_HEIGHT}
        steps={stepDomain(plannedSteps, lastStep)}
        valueLabel={t('charts.loss.axis')}
        valueAxisProps={{ domain: LOSS_DOMAIN, tickFormatter: formatCompact }}
        seriesOrder={SERIES_ORDER}
      >
        <Legend content={LossLegend} position="top" itemSorter={SERIES_ORDER} />
        {SERIES.map((series) => (
          <Line
            key={series.dataKey}
            dataKey={series.dataKey}
            name={t(series.name)}
            stroke={series.color}
            {...seriesEmphasis(series.term, highlighted, series.width)}
            strokeDasharray={series.dash}
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
        ))}
        {importedLines.map(({ ghost, data }) => (
          <Line
            key={`ghost${ghost.id}total`}
            data={data}
            dataKey={`ghost${ghost.id}total`}
            name={`${t('charts.series.totalLoss')}: ${ghostName(ghost, t)}`}
            stroke={SERIES_COLOR.total}
            strokeWidth={1.5}
            strokeOpacity={0.45}
            strokeDasharray="2 3"
            dot={false}
            isAnimationActive={false}
            legendType="plainline"
          />
        ))}
      </StepChart>
    </ChartFigure>
  );
}
