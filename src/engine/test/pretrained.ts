import * as tf from '@tensorflow/tfjs-core';
import { Scenario } from '../scenario';
import { SCENARIO_DEFAULTS } from '../scenarioSettings';

/**
 * The lab's default scenario, pretrained and one fine-tuning step in: there is a live batch to
 * measure, and the optimizer's state exists (every later step keeps its tensor count).
 */
export function scenarioAfterOneStep(): Scenario {
  const scenario = new Scenario(SCENARIO_DEFAULTS);
  while (!scenario.pretrained) scenario.pretrainStep();
  tf.dispose(Object.values(scenario.step()));
  return scenario;
}
