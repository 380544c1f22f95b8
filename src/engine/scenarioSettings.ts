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
 * The fine-tuning rate and batch each scenario starts with. The 2-D task's small network takes the
 * lab's defaults; the digits' MLP trains as MNIST MLPs usually do (Adam 1e-3, batch 128): at
 * lr 0.01 and batch 32 it forgets even at λ = 10 (seed 1: 73.8% upright, 15.4% rotated, against
 * 95% before), and the lesson drowns in the noise.
 */
export const SCENARIO_TRAINING = {
  sectors: { lr: 0.01, batchSize: 32 },
  digits: { lr: 0.001, batchSize: 128 },
} as const satisfies Record<ScenarioName, Pick<ScenarioSettings, 'lr' | 'batchSize'>>;

/** The settings whose default depends on the scenario. */
export type ScenarioTrainingName = keyof (typeof SCENARIO_TRAINING)['sectors'];

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
  ...SCENARIO_TRAINING.sectors,
  optimizer: 'adam',
  reduction: 'batchmean',
  logTarget: false,
  direction: 'old||new',
  seed: 1,
  shareModelOld: false,
  teacherNoGrad: true,
  probsAsInput: false,
} as const satisfies ScenarioSettings;
