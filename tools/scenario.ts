/**
 * `npm run --silent scenario -- --lambda 0 --steps 300 --seed 1`: the lab's scenario headless on
 * TF.js's CPU backend. Any setting of the state schema can be passed as `--name value`; out-of-range
 * values are clamped (reported on stderr). Prints one JSON object.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { runScenario } from '../src/engine/scenario';
import {
  DEFAULT_STATE,
  type LabState,
  parseSetting,
  scenarioSettings,
  settingNamed,
} from '../src/state/schema';

function readArgs(argv: string[]): LabState {
  const state: Record<string, unknown> = { ...DEFAULT_STATE };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const setting = settingNamed(name);
    if (!argv[i].startsWith('--') || !setting) throw new Error(`unknown setting "${argv[i]}"`);
    const text = argv[i + 1];
    if (text === undefined) throw new Error(`--${name} needs a value`);
    const { value, corrected } = parseSetting(setting, text);
    if (corrected) process.stderr.write(`scenario: --${name} ${text} is not valid; using ${value}\n`);
    state[name] = value;
  }
  return state as LabState;
}

async function main(): Promise<void> {
  const state = readArgs(process.argv.slice(2));
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
