import type { MessageKey } from '../../i18n/catalogs';
import type { TermId } from '../../state/highlight';
import { scenarioShape } from '../../state/scenarioShape';
import type { LabState } from '../../state/schema';
import type { LabView } from '../../state/store';
import { formatShort, formatSignificant } from '../formatNumber';

type StepMetrics = LabView['steps'][number];

type Params = Record<string, string | number>;

/** One sentence of a line's note: a catalog key and its parameters. */
export interface NotePart {
  key: MessageKey;
  params?: Params;
}

export interface CodeLine {
  /** Stable across settings, so React keeps a focused line focused while its text changes. */
  id: string;
  /** Nesting depth; each level is four spaces. */
  indent: number;
  code: string;
  /** The formula term and chart series this line computes, if any. */
  term?: TermId;
  /** What the line does in the live run, sentence by sentence. */
  note: NotePart[];
}

/** The pitfall lab's switches; optional, so the panel also reads settings without them. */
interface PitfallSettings {
  teacherNoGrad: boolean;
  probsAsInput: boolean;
  shareModelOld: boolean;
}

export type StepSettings = Partial<PitfallSettings> &
  Pick<
    LabState,
    | 'lambda'
    | 'dropout'
    | 'modelMode'
    | 'modelOldMode'
    | 'freezeBatchNorm'
    | 'lr'
    | 'batchSize'
    | 'optimizer'
    | 'reduction'
    | 'logTarget'
    | 'direction'
    | 'klInputs'
    | 'scenario'
  >;

const DISTRIBUTION_NOTE: Record<string, MessageKey> = {
  probs_old: 'code.note.probsOld',
  log_probs_old: 'code.note.logProbsOld',
  probs_new: 'code.note.probsNew',
  log_probs_new: 'code.note.logProbsNew',
};

/** Live numbers are shown to four significant digits. */
const formatLive = (value: number) => formatSignificant(value, 4);

/** A Python float literal: `1.0`, not `1`. */
function pythonFloat(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** What the frozen copy's forward pass does: recorded or not, on the new batch or the replayed one. */
function teacherNote(noGrad: boolean, replay: boolean): MessageKey {
  if (replay) return noGrad ? 'code.note.teacherForwardReplay' : 'code.note.teacherRecordedReplay';
  return noGrad ? 'code.note.teacherForward' : 'code.note.teacherRecorded';
}

/** A value's note once a step has run, or the "appears after the first step" note before. */
function valueNote(key: MessageKey, value: number | undefined): NotePart {
  return value === undefined ? { key: 'code.note.pending' } : { key, params: { value: formatLive(value) } };
}

/**
 * The lab's training step as the PyTorch it mirrors (engine/trainStep.ts), rewritten for the current
 * settings: the scenario's shapes, the modes, the BatchNorm freeze, the inputs the KL is measured
 * on, the KL direction, reduction and log_target, and λ.
 */
export function stepLines(s: StepSettings, last: StepMetrics | undefined): CodeLine[] {
  const batch = s.batchSize;
  const { features, classes } = scenarioShape(s.scenario);
  const shape = { batch, features, classes };
  // Replay (engine/scenario.ts): the KL is measured on a second batch of old-task inputs, drawn
  // with replacement like the new one; both models run on it, the cross entropy stays on x.
  const replay = s.klInputs === 'replay';
  const klInputs = replay ? 'x_replay' : 'x';
  const logits = { old: 'logits_old', new: replay ? 'logits_replay' : 'logits' } as const;
  // kl_div(input, target) = KL(target ‖ exp(input)): the reference distribution is the target.
  const [reference, approx] =
    s.direction === 'old||new' ? (['old', 'new'] as const) : (['new', 'old'] as const);
  const targetVar = `${s.logTarget ? 'log_probs' : 'probs'}_${reference}`;
  // The pitfall: probabilities where kl_div expects log-probabilities.
  const inputVar = `${s.probsAsInput ? 'probs' : 'log_probs'}_${approx}`;
  const noGrad = s.teacherNoGrad !== false;
  const distribution = (side: 'old' | 'new') => {
    const variable = side === reference ? targetVar : inputVar;
    const fn = variable.startsWith('log_') ? 'log_softmax' : 'softmax';
    return { code: `${variable} = F.${fn}(${logits[side]}, dim=1)`, key: DISTRIBUTION_NOTE[variable] };
  };
  const oldDist = distribution('old');
  const newDist = distribution('new');
  const reductionParams = { batch, classes, elements: batch * classes };

  const lines: (CodeLine | false)[] = [
    { id: 'importTorch', indent: 0, code: 'import torch', note: [{ key: 'code.note.importTorch' }] },
    s.freezeBatchNorm && {
      id: 'importNn',
      indent: 0,
      code: 'from torch import nn',
      note: [{ key: 'code.note.importNn' }],
    },
    {
      id: 'importF',
      indent: 0,
      code: 'import torch.nn.functional as F',
      note: [{ key: 'code.note.importF' }],
    },
    {
      id: 'lambda',
      indent: 0,
      code: `kl_lambda = ${pythonFloat(s.lambda)}`,
      term: 'lambdaKl',
      note: [{ key: 'code.note.lambda', params: { lambda: s.lambda } }],
    },
    {
      id: 'def',
      indent: 0,
      code: `def kl_regularized_step(model, model_old, x, y, ${replay ? 'x_old_train, ' : ''}optimizer):`,
      note: [
        { key: 'code.note.def', params: shape },
        ...(replay ? [{ key: 'code.note.defReplay' as MessageKey, params: shape }] : []),
      ],
    },
    {
      id: 'modelMode',
      indent: 1,
      code: `model.${s.modelMode}()`,
      term: 'modes',
      note: [
        s.modelMode === 'train'
          ? { key: 'code.note.modelTrain', params: { p: s.dropout } }
          : { key: 'code.note.modelEval' },
      ],
    },
    s.freezeBatchNorm && {
      id: 'freezeBatchNorm',
      indent: 1,
      code: 'model.apply(lambda m: m.eval() if isinstance(m, nn.BatchNorm1d) else None)',
      term: 'modes',
      note: [
        { key: s.modelMode === 'train' ? 'code.note.freezeBatchNorm' : 'code.note.freezeBatchNormNoop' },
      ],
    },
    {
      id: 'modelOldMode',
      indent: 1,
      code: `model_old.${s.modelOldMode}()`,
      term: 'modes',
      note: [{ key: s.modelOldMode === 'eval' ? 'code.note.modelOldEval' : 'code.note.modelOldTrain' }],
    },
    { id: 'zeroGrad', indent: 1, code: 'optimizer.zero_grad()', note: [{ key: 'code.note.zeroGrad' }] },
    {
      id: 'forward',
      indent: 1,
      code: 'logits = model(x)',
      note: [{ key: 'code.note.forward', params: shape }],
    },
    {
      id: 'lossNew',
      indent: 1,
      code: 'loss_new = F.cross_entropy(logits, y)',
      term: 'lossNew',
      note: [{ key: 'code.note.lossNew' }, valueNote('code.note.lossNewValue', last?.lossNew)],
    },
    replay && {
      id: 'replayBatch',
      indent: 1,
      code: 'x_replay = x_old_train[torch.randint(len(x_old_train), (len(x),))]',
      term: 'klPenalty',
      note: [{ key: 'code.note.replayBatch', params: shape }],
    },
    noGrad && {
      id: 'noGrad',
      indent: 1,
      code: 'with torch.no_grad():',
      term: 'teacher',
      note: [{ key: 'code.note.noGrad' }],
    },
    {
      id: 'teacherForward',
      indent: noGrad ? 2 : 1,
      code: `logits_old = model_old(${klInputs})`,
      term: 'teacher',
      note: [
        { key: teacherNote(noGrad, replay), params: shape },
        ...(s.shareModelOld ? [{ key: 'code.note.shareModelOld' as MessageKey }] : []),
      ],
    },
    {
      id: 'oldDistribution',
      indent: noGrad ? 2 : 1,
      code: oldDist.code,
      term: 'teacher',
      note: [{ key: oldDist.key, params: shape }],
    },
    replay && {
      id: 'replayForward',
      indent: 1,
      code: 'logits_replay = model(x_replay)',
      term: 'klPenalty',
      note: [{ key: 'code.note.replayForward', params: shape }],
    },
    { id: 'newDistribution', indent: 1, code: newDist.code, note: [{ key: newDist.key, params: shape }] },
    {
      id: 'klPenalty',
      indent: 1,
      code: `kl_penalty = F.kl_div(${inputVar}, ${targetVar}, reduction='${s.reduction}', log_target=${s.logTarget ? 'True' : 'False'})`,
      term: 'klPenalty',
      note: [
        { key: s.direction === 'old||new' ? 'code.note.klOldNew' : 'code.note.klNewOld' },
        ...(replay ? [{ key: 'code.note.klOnReplay' as MessageKey }] : []),
        ...(s.probsAsInput ? [{ key: 'code.note.probsAsInput' as MessageKey }] : []),
        ...(s.logTarget ? [{ key: 'code.note.logTarget' as MessageKey }] : []),
        { key: `code.note.reduction.${s.reduction}` as MessageKey, params: reductionParams },
        valueNote('code.note.klValue', last?.klPenalty),
      ],
    },
    {
      id: 'totalLoss',
      indent: 1,
      code: 'total_loss = loss_new + kl_lambda * kl_penalty',
      term: 'totalLoss',
      note: [
        { key: 'code.note.totalLoss' },
        last === undefined
          ? { key: 'code.note.pending' }
          : {
              key: 'code.note.totalValue',
              params: {
                lossNew: formatLive(last.lossNew),
                lambda: formatShort(last.lambda, 4),
                klPenalty: formatLive(last.klPenalty),
                value: formatLive(last.totalLoss),
              },
            },
      ],
    },
    { id: 'backward', indent: 1, code: 'total_loss.backward()', note: [{ key: 'code.note.backward' }] },
    {
      id: 'step',
      indent: 1,
      code: 'optimizer.step()',
      note: [{ key: `code.note.step.${s.optimizer}` as MessageKey, params: { lr: s.lr } }],
    },
    {
      id: 'return',
      indent: 1,
      code: 'return loss_new.item(), kl_penalty.item(), total_loss.item()',
      note: [{ key: 'code.note.return' }],
    },
  ];
  return lines.filter((line): line is CodeLine => line !== false);
}
