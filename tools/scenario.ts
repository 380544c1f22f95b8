/**
 * `npm run --silent scenario -- --lambda 0 --steps 300 --seed 1`: the lab's scenario headless on
 * TF.js's CPU backend. Any setting of the state schema can be passed as `--name value`; out-of-range
 * values are clamped (reported on stderr). Prints one JSON object.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { runScenario } from '../src/engine/runScenario';
import { scenarioSettings } from '../src/state/schema';
import { readSettingArgs } from './settingArgs';

async function main(): Promise<void> {
  const { state } = readSettingArgs(process.argv.slice(2), 'scenario');
  tf.env().set('PROD', true); // silences TF.js's advice to install tfjs-node
  await tf.setBackend('cpu');
  const startTensors = tf.memory().numTensors;
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
