import { NUM_CLASSES, NUM_FEATURES } from './data/sectorTask';
import { BatchNorm1d, Dropout, Linear, ReLU, Sequential } from './nn';
import { Adam, type Optimizer, SGD } from './optim';
import type { ScenarioSettings } from './scenarioSettings';
import type { KLRegOptions } from './trainStep';

export const HIDDEN = 32;

/** The lab's network (the backend probe times this same network). */
export function buildNet(dropout: number): Sequential {
  return new Sequential(
    new Linear(NUM_FEATURES, HIDDEN),
    new BatchNorm1d(HIDDEN),
    new ReLU(),
    new Dropout(dropout),
    new Linear(HIDDEN, HIDDEN),
    new BatchNorm1d(HIDDEN),
    new ReLU(),
    new Dropout(dropout),
    new Linear(HIDDEN, NUM_CLASSES),
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
