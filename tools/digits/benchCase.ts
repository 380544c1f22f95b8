/**
 * `npm run --silent digits:case > .tmp/digits-case.json`: the digits scenario's fine-tuning step as
 * a case file (tools/golden/cases' schema), so that `npm run bench` and `generate.py --time` time
 * the same step in TF.js and in PyTorch: the 784-256-256-10 network with dropout 0.1 as pretraining
 * leaves it (seed 1), Adam 1e-3, λ = 1, and four batches of 128 rotated digits.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainCase } from '../../src/engine/case';
import { stateToJSON } from '../../src/engine/runCase';
import { Scenario } from '../../src/engine/scenario';
import { SCENARIO_DEFAULTS } from '../../src/engine/scenarioSettings';
import { startNodeBackend } from '../nodeBackend';
import { provideDigitsInNode } from './digitsAsset';

const BATCH = 128;
const BATCHES = 4;

async function main(): Promise<void> {
  await startNodeBackend({ backend: 'wasm', scenario: 'digits' });
  await provideDigitsInNode();
  const settings = { ...SCENARIO_DEFAULTS, scenario: 'digits', lr: 0.001, batchSize: BATCH } as const;
  const scenario = new Scenario(settings);
  while (!scenario.pretrained) scenario.pretrainStep();
  const { features, hidden, classes } = scenario.spec;
  const p = settings.dropout;
  const x = (await tf
    .slice(scenario.newTrainSet.x, [0, 0], [BATCH * BATCHES, features])
    .array()) as number[][];
  const y = (await tf.slice(scenario.newTrainSet.y, [0], [BATCH * BATCHES]).array()) as number[];
  const c: TrainCase = {
    layers: [
      { type: 'linear', in: features, out: hidden },
      { type: 'batchnorm1d', features: hidden },
      { type: 'relu' },
      { type: 'dropout', p },
      { type: 'linear', in: hidden, out: hidden },
      { type: 'batchnorm1d', features: hidden },
      { type: 'relu' },
      { type: 'dropout', p },
      { type: 'linear', in: hidden, out: classes },
    ],
    state: await stateToJSON(scenario.model),
    modes: { model: 'train', model_old: 'eval' },
    lambda: 1,
    kl: { reduction: 'batchmean', log_target: false, direction: 'old||new' },
    optimizer: { type: 'adam', lr: settings.lr },
    batches: Array.from({ length: BATCHES }, (_, i) => ({
      x: x.slice(i * BATCH, (i + 1) * BATCH),
      y: y.slice(i * BATCH, (i + 1) * BATCH),
    })),
  };
  scenario.dispose();
  tf.disposeVariables();
  process.stdout.write(`${JSON.stringify(c)}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`digits:case: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
