import type { PyTorchStepValues } from './stepValues';
import type { KLDirection, Mode } from './trainStep';

/**
 * A training case in the JSON schema shared with the PyTorch golden script (keys as in PyTorch):
 * layers, initial state dict, modes, λ, KL options, optimizer and batches. `model_old` starts as a
 * deep copy of the model; one optimizer step runs per batch.
 */
export type LayerSpec =
  | { type: 'linear'; in: number; out: number }
  | { type: 'batchnorm1d'; features: number; momentum?: number; eps?: number }
  | { type: 'relu' }
  | { type: 'dropout'; p: number };

export type OptimizerSpec =
  | { type: 'sgd'; lr: number; momentum?: number }
  | { type: 'adam'; lr?: number; betas?: [number, number]; eps?: number };

export interface TrainCase {
  layers: LayerSpec[];
  state: Record<string, NestedNumbers>;
  modes: { model: Mode; model_old: Mode };
  lambda: number;
  kl: { reduction: 'batchmean' | 'sum' | 'mean'; log_target: boolean; direction: KLDirection };
  optimizer: OptimizerSpec;
  /** One step each; `kl_x`, when given, are the inputs the KL is measured on (replayed old-task inputs). */
  batches: { x: number[][]; y: number[]; kl_x?: number[][] }[];
  backend?: string;
  /** Classic mistakes, reproduced on purpose (both off when absent). */
  pitfalls?: { teacher_no_grad: boolean; probs_as_input: boolean };
  /**
   * The masks PyTorch's train-mode Dropout layers drew, replayed instead of fresh draws:
   * model / model_old → layer index → one mask per forward (one per step), rows as '0'/'1' strings.
   */
  dropout_masks?: Partial<Record<'model' | 'model_old', Record<string, string[][]>>>;
}

export type NestedNumbers = number | NestedNumbers[];

export interface StepRecord extends PyTorchStepValues {
  /** ‖grad‖ accumulated in model_old's parameters; reported when the case has `pitfalls`. */
  model_old_grad_norm?: number;
}

export interface CaseResult {
  steps: StepRecord[];
  state: Record<string, NestedNumbers>;
  old_state: Record<string, NestedNumbers>;
}

/** A case that cannot run; the message names the problem. */
export class CaseError extends Error {}

export function fail(message: string): never {
  throw new CaseError(message);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function requireKey(obj: Record<string, unknown>, key: string, where: string): unknown {
  if (!(key in obj)) fail(`${where} is missing key "${key}"`);
  return obj[key];
}

function positiveInt(v: unknown, where: string): number {
  if (!Number.isInteger(v) || (v as number) < 1)
    fail(`${where} must be a positive integer, got ${JSON.stringify(v)}`);
  return v as number;
}

function finite(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(`${where} must be a finite number, got ${JSON.stringify(v)}`);
  return v;
}

function oneOf<T extends string>(v: unknown, options: readonly T[], where: string): T {
  if (!options.includes(v as T))
    fail(`${where} must be one of ${options.join(', ')}, got ${JSON.stringify(v)}`);
  return v as T;
}

function parseLayer(raw: unknown, i: number): LayerSpec {
  const where = `layers[${i}]`;
  if (!isObject(raw)) fail(`${where} must be an object`);
  const type = requireKey(raw, 'type', where);
  switch (type) {
    case 'linear':
      return {
        type,
        in: positiveInt(requireKey(raw, 'in', where), `${where}.in`),
        out: positiveInt(requireKey(raw, 'out', where), `${where}.out`),
      };
    case 'batchnorm1d':
      return {
        type,
        features: positiveInt(requireKey(raw, 'features', where), `${where}.features`),
        momentum: raw.momentum === undefined ? 0.1 : finite(raw.momentum, `${where}.momentum`),
        eps: raw.eps === undefined ? 1e-5 : finite(raw.eps, `${where}.eps`),
      };
    case 'relu':
      return { type };
    case 'dropout': {
      const p = finite(requireKey(raw, 'p', where), `${where}.p`);
      if (p < 0 || p > 1) fail(`${where}.p must be in [0, 1], got ${p}`);
      return { type, p };
    }
    default:
      return fail(`${where} has unknown layer type ${JSON.stringify(type)}`);
  }
}

function parseOptimizer(raw: unknown): OptimizerSpec {
  if (!isObject(raw)) fail('optimizer must be an object');
  const type = oneOf(requireKey(raw, 'type', 'optimizer'), ['sgd', 'adam'] as const, 'optimizer.type');
  if (type === 'sgd') {
    return {
      type,
      lr: finite(requireKey(raw, 'lr', 'optimizer'), 'optimizer.lr'),
      momentum: raw.momentum === undefined ? 0 : finite(raw.momentum, 'optimizer.momentum'),
    };
  }
  const betas = raw.betas === undefined ? [0.9, 0.999] : raw.betas;
  if (!Array.isArray(betas) || betas.length !== 2) fail('optimizer.betas must be a pair of numbers');
  return {
    type,
    lr: raw.lr === undefined ? 1e-3 : finite(raw.lr, 'optimizer.lr'),
    betas: [finite(betas[0], 'optimizer.betas[0]'), finite(betas[1], 'optimizer.betas[1]')],
    eps: raw.eps === undefined ? 1e-8 : finite(raw.eps, 'optimizer.eps'),
  };
}

/** Input and output widths of each layer; throws where a Linear does not fit what precedes it. */
function featureWidths(layers: LayerSpec[]): { inputs: number; classes: number } {
  let width: number | undefined;
  let inputs: number | undefined;
  layers.forEach((layer, i) => {
    if (layer.type === 'linear') {
      if (width !== undefined && layer.in !== width)
        fail(`layers[${i}] expects ${layer.in} input features but receives ${width}`);
      inputs ??= layer.in;
      width = layer.out;
    } else if (layer.type === 'batchnorm1d') {
      if (width === undefined) fail(`layers[${i}] (batchnorm1d) must follow a linear layer`);
      if (layer.features !== width)
        fail(`layers[${i}] normalises ${layer.features} features but receives ${width}`);
    }
  });
  if (inputs === undefined || width === undefined) fail('layers must contain at least one linear layer');
  return { inputs, classes: width };
}

function parseBatches(raw: unknown, inputs: number, classes: number): TrainCase['batches'] {
  if (!Array.isArray(raw) || raw.length === 0) fail('batches must be a non-empty array');
  return raw.map((b, i) => {
    const where = `batches[${i}]`;
    if (!isObject(b)) fail(`${where} must be an object`);
    const x = requireKey(b, 'x', where);
    const y = requireKey(b, 'y', where);
    const rows = (m: unknown, name: string) => {
      if (!Array.isArray(m) || m.length === 0) fail(`${where}.${name} must be a non-empty array of rows`);
      m.forEach((row, r) => {
        if (!Array.isArray(row) || row.length !== inputs)
          fail(`${where}.${name}[${r}] must have ${inputs} features`);
        for (const [c, v] of row.entries()) finite(v, `${where}.${name}[${r}][${c}]`);
      });
      return m as number[][];
    };
    rows(x, 'x');
    const klX = 'kl_x' in b ? rows(b.kl_x, 'kl_x') : undefined;
    if (!Array.isArray(y) || y.length !== (x as unknown[]).length)
      fail(`${where}.y must have one label per row of x (${(x as unknown[]).length})`);
    y.forEach((label, r) => {
      if (!Number.isInteger(label) || label < 0 || label >= classes) {
        fail(
          `${where}.y[${r}] = ${JSON.stringify(label)} is out of range: labels must be integers in [0, ${classes - 1}]`,
        );
      }
    });
    return { x: x as number[][], y: y as number[], ...(klX ? { kl_x: klX } : {}) };
  });
}

/** Validates untrusted JSON into a TrainCase, or throws a CaseError naming the first problem. */
export function parseCase(raw: unknown): TrainCase {
  if (!isObject(raw)) fail('the case must be a JSON object');
  const layersRaw = requireKey(raw, 'layers', 'case');
  if (!Array.isArray(layersRaw) || layersRaw.length === 0) fail('layers must be a non-empty array');
  const layers = layersRaw.map(parseLayer);
  const { inputs, classes } = featureWidths(layers);

  const state = requireKey(raw, 'state', 'case');
  if (!isObject(state)) fail('state must be an object of named arrays');
  const modes = requireKey(raw, 'modes', 'case');
  if (!isObject(modes)) fail('modes must be an object');
  const kl = requireKey(raw, 'kl', 'case');
  if (!isObject(kl)) fail('kl must be an object');

  return {
    layers,
    state: state as TrainCase['state'],
    modes: {
      model: oneOf(requireKey(modes, 'model', 'modes'), ['train', 'eval'] as const, 'modes.model'),
      model_old: oneOf(
        requireKey(modes, 'model_old', 'modes'),
        ['train', 'eval'] as const,
        'modes.model_old',
      ),
    },
    lambda: finite(requireKey(raw, 'lambda', 'case'), 'lambda'),
    kl: {
      reduction: oneOf(kl.reduction ?? 'batchmean', ['batchmean', 'sum', 'mean'] as const, 'kl.reduction'),
      log_target: kl.log_target === undefined ? false : kl.log_target === true,
      direction: oneOf(kl.direction ?? 'old||new', ['old||new', 'new||old'] as const, 'kl.direction'),
    },
    optimizer: parseOptimizer(requireKey(raw, 'optimizer', 'case')),
    batches: parseBatches(requireKey(raw, 'batches', 'case'), inputs, classes),
    backend: raw.backend === undefined ? undefined : String(raw.backend),
    pitfalls: raw.pitfalls === undefined ? undefined : parsePitfalls(raw.pitfalls),
    dropout_masks: raw.dropout_masks === undefined ? undefined : parseDropoutMasks(raw.dropout_masks, layers),
  };
}

function parseDropoutMasks(raw: unknown, layers: LayerSpec[]): NonNullable<TrainCase['dropout_masks']> {
  if (!isObject(raw)) fail('dropout_masks must be an object');
  const out: NonNullable<TrainCase['dropout_masks']> = {};
  for (const [who, byLayer] of Object.entries(raw)) {
    const model = oneOf(who, ['model', 'model_old'] as const, 'dropout_masks key');
    if (!isObject(byLayer)) fail(`dropout_masks.${model} must be an object`);
    out[model] = {};
    for (const [index, masks] of Object.entries(byLayer)) {
      const where = `dropout_masks.${model}.${index}`;
      if (layers[Number(index)]?.type !== 'dropout') fail(`${where}: layer ${index} is not a dropout layer`);
      const isMask = (m: unknown) =>
        Array.isArray(m) && m.every((row) => typeof row === 'string' && /^[01]*$/.test(row));
      if (!Array.isArray(masks) || !masks.every(isMask))
        fail(`${where} must be a list of masks, each a list of '0'/'1' strings`);
      out[model][index] = masks;
    }
  }
  return out;
}

function parsePitfalls(raw: unknown): NonNullable<TrainCase['pitfalls']> {
  if (!isObject(raw)) fail('pitfalls must be an object');
  const flag = (key: string, fallback: boolean) => {
    const v = raw[key] ?? fallback;
    if (typeof v !== 'boolean') fail(`pitfalls.${key} must be true or false`);
    return v;
  };
  return { teacher_no_grad: flag('teacher_no_grad', true), probs_as_input: flag('probs_as_input', false) };
}
