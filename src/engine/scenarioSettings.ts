import type { KLDirection, Mode } from './trainStep';

/**
 * The lab's scenarios: 2-D points labelled by sector (the default), and real handwritten digits.
 * Declared here, with no TF.js around: the page's schema, and so the <kl-lab> bundle, reads them.
 */
export const SCENARIO_NAMES = ['sectors', 'digits'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Where the KL's expectation runs: over the fine-tuning batch (the article's) or replayed old-task inputs. */
export type KLInputs = 'finetune' | 'replay';

/** Everything a fine-tuning run of the lab's scenario depends on. */
export interface ScenarioSettings {
  scenario: ScenarioName;
  /** The digits scenario's new task: the digits turned by this many degrees. */
  rotation: number;
  klInputs: KLInputs;
  lambda: number;
  dropout: number;
  modelMode: Mode;
  modelOldMode: Mode;
  freezeBatchNorm: boolean;
  lr: number;
  batchSize: number;
  optimizer: 'adam' | 'sgd';
  reduction: 'batchmean' | 'sum' | 'mean';
  logTarget: boolean;
  direction: KLDirection;
  seed: number;
  /** Pitfall: model_old is the model itself (no deep copy). */
  shareModelOld: boolean;
  /** False is the pitfall of running model_old without torch.no_grad(). */
  teacherNoGrad: boolean;
  /** Pitfall: probabilities passed as F.kl_div's input. */
  probsAsInput: boolean;
}

/**
 * The article's setup, as the lab starts it. The page's state schema takes its defaults from here,
 * so a headless run with no options and a page with no query train the same thing.
 */
export const SCENARIO_DEFAULTS = {
  scenario: 'sectors',
  rotation: 90,
  klInputs: 'finetune',
  lambda: 1,
  dropout: 0.1,
  modelMode: 'train',
  modelOldMode: 'eval',
  freezeBatchNorm: false,
  lr: 0.01,
  batchSize: 32,
  optimizer: 'adam',
  reduction: 'batchmean',
  logTarget: false,
  direction: 'old||new',
  seed: 1,
  shareModelOld: false,
  teacherNoGrad: true,
  probsAsInput: false,
} as const satisfies ScenarioSettings;
