import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer } from 'recharts';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import type { ChannelStats, Snapshot } from '../../worker/protocol';
import { formatCompact } from '../formatNumber';
import { ChartFigure } from './ChartFigure';
import {
  CHANNEL_COLOR,
  CHART_MARGIN,
  GRID_STROKE,
  inDeclaredOrder,
  SMALL_CHART_HEIGHT,
  stepAxis,
  stepDomain,
  stepTooltip,
  valueAxis,
} from './chartStyle';
import { downsample, MAX_PLOTTED } from './downsample';
import { CHART_UPDATE_MS, selectSnapshots, useThrottledLabView } from './useThrottledLabView';

const CHANNELS = 3;
const MODEL_OLD_DASH = '5 3';
const KEY_GREY = 'var(--text-muted)';
const SERIES_ORDER = inDeclaredOrder(
  Array.from({ length: CHANNELS }, (_, c) => [`model${c}`, `modelOld${c}`]).flat(),
);

type Statistic = keyof ChannelStats;
/** `step`, then `model0`…`model2` and `modelOld0`…`modelOld2`. */
type StatisticRow = Record<string, number>;

function rowsOf(snapshots: readonly Snapshot[], statistic: Statistic, channels: number): StatisticRow[] {
  return snapshots.map((s) => {
    const row: StatisticRow = { step: s.step };
    for (let c = 0; c < channels; c++) {
      row[`model${c}`] = s.batchNorm.model[statistic][c];
      row[`modelOld${c}`] = s.batchNorm.modelOld[statistic][c];
    }
    return row;
  });
}

interface StatisticChartProps {
  statistic: Statistic;
  rows: StatisticRow[];
  channels: number;
  domain: [number, number];
}

/** One statistic of the first channels: model solid, model_old dashed, one colour per channel. */
function StatisticChart({ statistic, rows, channels, domain }: StatisticChartProps) {
  const t = useT();
  const name = t(statistic === 'runningMean' ? 'charts.batchNorm.mean' : 'charts.batchNorm.var');
  const dot = rows.length === 1 ? { r: 2 } : false;
  const lines = [];
  for (let c = 0; c < channels; c++) {
    const color = CHANNEL_COLOR[c % CHANNEL_COLOR.length];
    lines.push(
      <Line
        key={`model${c}`}
        dataKey={`model${c}`}
        name={t('charts.batchNorm.model', { channel: c })}
        stroke={color}
        strokeWidth={1.5}
        dot={dot}
        isAnimationActive={false}
      />,
      <Line
        key={`modelOld${c}`}
        dataKey={`modelOld${c}`}
        name={t('charts.batchNorm.modelOld', { channel: c })}
        stroke={color}
        strokeWidth={1.5}
        strokeDasharray={MODEL_OLD_DASH}
        dot={dot}
        isAnimationActive={false}
      />,
    );
  }
  return (
    <div className="chart-panel">
      <ResponsiveContainer width="100%" height={SMALL_CHART_HEIGHT}>
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} />
          {stepAxis(t('charts.axis.step'), domain)}
          {valueAxis(name, { domain: ['auto', 'auto'], tickFormatter: formatCompact })}
          {stepTooltip((step) => t('charts.tooltip.step', { step: String(step) }), SERIES_ORDER)}
          {lines}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** One key for both charts: line style tells the model from model_old, colour tells the channel. */
function ChannelKey({ channels }: { channels: number }) {
  const t = useT();
  return (
    <ul className="chart-key">
      <li>
        <svg width="22" height="10" aria-hidden="true">
          <line x1="1" y1="5" x2="21" y2="5" stroke={KEY_GREY} strokeWidth="2" />
        </svg>
        {t('charts.batchNorm.keyModel')}
      </li>
      <li>
        <svg width="22" height="10" aria-hidden="true">
          <line
            x1="1"
            y1="5"
            x2="21"
            y2="5"
            stroke={KEY_GREY}
            strokeWidth="2"
            strokeDasharray={MODEL_OLD_DASH}
          />
        </svg>
        {t('charts.batchNorm.keyModelOld')}
      </li>
      {CHANNEL_COLOR.slice(0, channels).map((color, channel) => (
        <li key={color}>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="2" fill={color} />
          </svg>
          {t('charts.batchNorm.channel', { channel })}
        </li>
      ))}
    </ul>
  );
}

/** What the learner should expect of the lines under the current modes. */
function noteKeys(modelOldMode: string, modelMode: string, freezeBatchNorm: boolean): MessageKey[] {
  const keys: MessageKey[] = [
    modelOldMode === 'train' ? 'charts.batchNorm.oldTrain' : 'charts.batchNorm.oldEval',
  ];
  if (freezeBatchNorm) keys.push('charts.batchNorm.modelFrozen');
  else if (modelMode === 'eval') keys.push('charts.batchNorm.modelEval');
  return keys;
}

/**
 * running_mean and running_var of the first BatchNorm layer, for the model and model_old. In eval
 * mode model_old's statistics are frozen (flat dashed lines); in train mode they drift too.
 */
export function BatchNormChart() {
  const t = useT();
  const snapshots = useThrottledLabView(selectSnapshots, CHART_UPDATE_MS);
  const plannedSteps = useLabView((view) => view.settings.steps);
  const modelOldMode = useLabView((view) => view.settings.modelOldMode);
  const modelMode = useLabView((view) => view.settings.modelMode);
  const freezeBatchNorm = useLabView((view) => view.settings.freezeBatchNorm);

  const { mean, variance, channels } = useMemo(() => {
    const kept = downsample(snapshots, MAX_PLOTTED);
    const first = kept[0]?.batchNorm;
    const channels = first
      ? Math.min(CHANNELS, first.model.runningMean.length, first.modelOld.runningMean.length)
      : 0;
    return {
      mean: rowsOf(kept, 'runningMean', channels),
      variance: rowsOf(kept, 'runningVar', channels),
      channels,
    };
  }, [snapshots]);
  const plotted = channels > 0 ? mean.length : 0;
  const domain = stepDomain(plannedSteps, mean.at(-1)?.step ?? 0);
  const note = noteKeys(modelOldMode, modelMode, freezeBatchNorm)
    .map((key) => t(key))
    .join(' ');

  return (
    <ChartFigure
      title={t('charts.batchNorm.title')}
      dataPoints={plotted}
      empty={plotted === 0 ? t('charts.batchNorm.empty') : null}
      note={note}
    >
      <ChannelKey channels={channels} />
      <div className="chart-pair">
        <StatisticChart statistic="runningMean" rows={mean} channels={channels} domain={domain} />
        <StatisticChart statistic="runningVar" rows={variance} channels={channels} domain={domain} />
      </div>
    </ChartFigure>
  );
}
