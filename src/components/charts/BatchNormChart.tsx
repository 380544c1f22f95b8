import { useMemo } from 'react';
import { Line } from 'recharts';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import type { ChannelStats, Snapshot } from '../../worker/protocol';
import { formatCompact } from '../formatNumber';
import { ChartFigure } from './ChartFigure';
import { CHANNEL_COLOR, inDeclaredOrder, SMALL_CHART_HEIGHT, stepDomain } from './chartStyle';
import { downsample, MAX_PLOTTED } from './downsample';
import { KeyLine, KeySwatch } from './keyIcons';
import { StepChart } from './StepChart';
import { CHART_UPDATE_MS, selectSnapshots, useThrottledLabView } from './useThrottledLabView';

const CHANNELS = 3;
const MODEL_OLD_DASH = '5 3';
const KEY_GREY = 'var(--text-muted)';

interface ModelSeries {
  key: 'model' | 'modelOld';
  /** Its lines' name, per channel, and its entry in the key. */
  name: MessageKey;
  keyName: MessageKey;
  dash?: string;
}

/** The model's lines are solid, model_old's dashed. */
const MODELS: readonly ModelSeries[] = [
  { key: 'model', name: 'charts.batchNorm.model', keyName: 'charts.batchNorm.keyModel' },
  {
    key: 'modelOld',
    name: 'charts.batchNorm.modelOld',
    keyName: 'charts.batchNorm.keyModelOld',
    dash: MODEL_OLD_DASH,
  },
];
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
  const channelNumbers = Array.from({ length: channels }, (_, c) => c);
  const lines = channelNumbers.flatMap((c) =>
    MODELS.map((model) => (
      <Line
        key={`${model.key}${c}`}
        dataKey={`${model.key}${c}`}
        name={t(model.name, { channel: c })}
        stroke={CHANNEL_COLOR[c % CHANNEL_COLOR.length]}
        strokeWidth={1.5}
        strokeDasharray={model.dash}
        dot={dot}
        isAnimationActive={false}
      />
    )),
  );
  return (
    <div className="chart-panel">
      <StepChart
        rows={rows}
        height={SMALL_CHART_HEIGHT}
        steps={domain}
        valueLabel={name}
        valueAxisProps={{ domain: ['auto', 'auto'], tickFormatter: formatCompact }}
        seriesOrder={SERIES_ORDER}
      >
        {lines}
      </StepChart>
    </div>
  );
}

/** One key for both charts: line style tells the model from model_old, colour tells the channel. */
function ChannelKey({ channels }: { channels: number }) {
  const t = useT();
  return (
    <ul className="chart-key">
      {MODELS.map((model) => (
        <li key={model.key}>
          <KeyLine color={KEY_GREY} dash={model.dash} />
          {t(model.keyName)}
        </li>
      ))}
      {CHANNEL_COLOR.slice(0, channels).map((color, channel) => (
        <li key={color}>
          <KeySwatch color={color} />
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
