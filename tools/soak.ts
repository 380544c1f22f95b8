/**
 * `npm run --silent soak -- --steps 10000 --lambda 1`: fine-tunes the lab's scenario for `--steps`
 * steps on TF.js's CPU backend (any other setting of the state schema as `--name value`) and prints
 * one JSON object: live tensors and heap bytes at start and end, samples every 1,000 steps, steps/s.
 * It measures; it asserts nothing. The npm script runs Node with --expose-gc, so heap figures
 * follow a full collection.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { scenarioSettings } from '../src/state/schema';
import { readSettingArgs } from './settingArgs';
import { soakScenario } from './soakScenario';

async function main(): Promise<void> {
  const { state, options } = readSettingArgs(process.argv.slice(2), 'soak', { steps: 10_000 });
  tf.env().set('PROD', true); // silences TF.js's advice to install tfjs-node
  await tf.setBackend('cpu');
  const report = await soakScenario(scenarioSettings(state), options.steps);
  process.stdout.write(`${JSON.stringify({ config: scenarioSettings(state), ...report })}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`soak: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
