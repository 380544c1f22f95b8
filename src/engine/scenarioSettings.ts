import type { KLDirection, Mode } from './trainStep';

/** Everything a fine-tuning run of the lab's scenario depends on. */
export interface ScenarioSettings {
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
