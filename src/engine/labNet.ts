import { BatchNorm1d, Dropout, Linear, ReLU, Sequential } from './nn';
import { Adam, type Optimizer, SGD } from './optim';
import type { ScenarioSettings } from './scenarioSettings';
import { SCENARIO_SPECS, type ScenarioSpec } from './scenarioSpecs';
import type { KLRegOptions } from './trainStep';

/** The lab's network, sized for its scenario (the backend probe times the 2-D one). */
export function buildNet(
  dropout: number,
  { features, hidden, classes }: ScenarioSpec = SCENARIO_SPECS.sectors,
): Sequential {
  return new Sequential(
    new Linear(features, hidden),
    new BatchNorm1d(hidden),
    new ReLU(),
    new Dropout(dropout),
    new Linear(hidden, hidden),
    new BatchNorm1d(hidden),
    new ReLU(),
    new Dropout(dropout),
    new Linear(hidden, classes),
  );
}

/** SGD's momentum in fine-tuning (the PyTorch export writes the same). */
export const SGD_MOMENTUM = 0.9;

/** The optimizer fine-tuning uses, as the settings name it. */
export function fineTuneOptimizer(
  model: Sequential,
  settings: Pick<ScenarioSettings, 'optimizer' | 'lr'>,
): Optimizer {
  const { optimizer, lr } = settings;
  return optimizer === 'sgd'
    ? new SGD(model.parameters(), { lr, momentum: SGD_MOMENTUM })
    : new Adam(model.parameters(), { lr });
}

/** The settings that shape one fine-tuning step, as trainStep takes them. */
export function klRegOptions(s: ScenarioSettings): KLRegOptions {
  return {
    lambda: s.lambda,
    reduction: s.reduction,
    logTarget: s.logTarget,
    direction: s.direction,
    modelMode: s.modelMode,
    modelOldMode: s.modelOldMode,
    freezeBatchNorm: s.freezeBatchNorm,
    teacherNoGrad: s.teacherNoGrad,
    probsAsInput: s.probsAsInput,
  };
}
