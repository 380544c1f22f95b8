/**
 * `npm run --silent scenario -- --lambda 0 --steps 300 --seed 1`: the lab's scenario headless on
 * TF.js's CPU backend (WASM for the digits: tools/nodeBackend.ts). Any setting of the state schema
 * can be passed as `--name value`; out-of-range values are clamped (reported on stderr). Prints one
 * JSON object.
 */
import * as tf from '@tensorflow/tfjs-core';
import { runScenario } from '../src/engine/runScenario';
import { scenarioSettings } from '../src/state/schema';
import { provideDigitsInNode } from './digits/digitsAsset';
import { startNodeBackend } from './nodeBackend';
import { readSettingArgs } from './settingArgs';

async function main(): Promise<void> {
  const { state } = readSettingArgs(process.argv.slice(2), 'scenario');
  await startNodeBackend(state);
  const startTensors = tf.memory().numTensors;
  if (state.scenario === 'digits') await provideDigitsInNode();
  const run = await runScenario(scenarioSettings(state), state.steps);
  const out = {
    config: state,
    pretrain: run.pretrain,
    history: run.history,
    final: run.final,
    num_tensors: { start: startTensors, end: tf.memory().numTensors },
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`scenario: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
