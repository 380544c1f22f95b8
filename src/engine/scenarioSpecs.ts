import { DIGIT_CLASSES, DIGIT_PIXELS } from './data/digitSet';
import { NUM_CLASSES, NUM_FEATURES } from './data/sectorTask';

import type { ScenarioName } from './scenarioSettings';

/** What a scenario's network and pretraining look like. */
export interface ScenarioSpec {
  features: number;
  hidden: number;
  classes: number;
  pretrainSteps: number;
  pretrainBatch: number;
  pretrainLr: number;
}

export const SCENARIO_SPECS: Record<ScenarioName, ScenarioSpec> = {
  sectors: {
    features: NUM_FEATURES,
    hidden: 32,
    classes: NUM_CLASSES,
    pretrainSteps: 200,
    pretrainBatch: 128,
    pretrainLr: 0.02,
  },
  // 784-256-256-10 with Adam 1e-3 for 300 steps of 128 digits: a standard MNIST MLP, pretrained
  // to about 95% in seconds.
  digits: {
    features: DIGIT_PIXELS,
    hidden: 256,
    classes: DIGIT_CLASSES,
    pretrainSteps: 300,
    pretrainBatch: 128,
    pretrainLr: 0.001,
  },
};
