import { useMemo } from 'react';
import {
  CartesianGrid,
  type DefaultLegendContentProps,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
} from 'recharts';
import { useT } from '../../i18n/I18n';
import { type TermId, useHighlightedTerm } from '../../state/highlight';
import { useLabView } from '../../state/LabContext';
import { TermButton } from '../code/TermButton';
import { ChartFigure } from './ChartFigure';
import {
  CHART_HEIGHT,
  CHART_MARGIN,
  formatNumber,
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

/** The term of the formula and the code line each series plots. */
const SERIES_TERM: Record<Exclude<keyof LossRow, 'step'>, TermId> = {
  lossNew: 'lossNew',
  klPenalty: 'klPenalty',
  weightedKl: 'lambdaKl',
  totalLoss: 'totalLoss',
};

function termOf(dataKey: unknown): TermId | undefined {
  return typeof dataKey === 'string' && dataKey in SERIES_TERM
    ? SERIES_TERM[dataKey as keyof typeof SERIES_TERM]
    : undefined;
}

/** The stroke dash pattern of a key entry's line, if it is dashed. */
function dashOf(payload: object | undefined): string | undefined {
  return payload && 'strokeDasharray' in payload ? String(payload.strokeDasharray) : undefined;
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
        const icon = (
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
        );
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

const SERIES_TERMS: readonly TermId[] = Object.values(SERIES_TERM);

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
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} />
          {stepAxis(t('charts.axis.step'), stepDomain(plannedSteps, lastStep))}
          {valueAxis(t('charts.loss.axis'), { domain: LOSS_DOMAIN, tickFormatter: formatNumber })}
          {stepTooltip((step) => t('charts.tooltip.step', { step: String(step) }), SERIES_ORDER)}
          <Legend content={LossLegend} position="top" itemSorter={SERIES_ORDER} />
          <Line
            dataKey="lossNew"
            name={t('charts.series.lossNew')}
            stroke={SERIES_COLOR.newTask}
            {...seriesEmphasis('lossNew', highlighted, 1.5)}
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            dataKey="klPenalty"
            name={t('charts.series.klPenalty')}
            stroke={SERIES_COLOR.oldTask}
            {...seriesEmphasis('klPenalty', highlighted, 1.5)}
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            dataKey="weightedKl"
            name={t('charts.series.lambdaKl')}
            stroke={SERIES_COLOR.lambdaKl}
            {...seriesEmphasis('lambdaKl', highlighted, 1.5)}
            strokeDasharray="5 3"
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            dataKey="totalLoss"
            name={t('charts.series.totalLoss')}
            stroke={SERIES_COLOR.total}
            {...seriesEmphasis('totalLoss', highlighted, 2)}
            dot={dot}
            isAnimationActive={false}
            legendType="plainline"
          />
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
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
