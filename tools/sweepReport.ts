/**
 * What `npm run sweep` prints, from its command line: `--lambdas a,b,…` and `--seeds a,b,…`
 * (lists), `--every N` (accuracies every N steps, default 10) and any setting of the state schema
 * as `npm run scenario` takes it. Runs on the current TF.js backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { runSweep, type SweepRunResult } from '../src/engine/runSweep';
import { type LabState, scenarioSettings } from '../src/state/schema';
import { provideDigitsInNode } from './digits/digitsAsset';
import { readSettingArgs } from './settingArgs';

export interface SweepReport {
  config: LabState & { lambdas: number[]; seeds: number[]; every: number };
  runs: SweepRunResult[];
  run_steps_per_s: number;
  num_tensors: { start: number; end: number };
}

/** Takes `--name a,b,c` out of `argv` (a list of numbers), or returns null when it is absent. */
function takeList(argv: string[], name: string): number[] | null {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return null;
  const text = argv[i + 1];
  argv.splice(i, 2);
  const values = (text ?? '').split(',').map(Number);
  if (!text || values.some((v) => !Number.isFinite(v)))
    throw new Error(`--${name} needs numbers, e.g. 0,0.3,1`);
  return values;
}

export async function sweepReport(
  args: string[],
  /** Called with the settings read, before training (the CLI picks its backend there). */
  prepare: (state: LabState) => Promise<unknown> = async () => {},
): Promise<SweepReport> {
  const argv = [...args];
  const lambdaList = takeList(argv, 'lambdas');
  const seedList = takeList(argv, 'seeds');
  const { state, options } = readSettingArgs(argv, 'sweep', { every: 10 });
  const settings = scenarioSettings(state);
  const lambdas = lambdaList ?? [settings.lambda];
  const seeds = seedList ?? [settings.seed];
  if (seeds.some((s) => !Number.isInteger(s))) throw new Error('--seeds must be integers');
  await prepare(state);
  if (state.scenario === 'digits') await provideDigitsInNode();
  const startTensors = tf.memory().numTensors;
  const sweep = await runSweep(settings, lambdas, seeds, state.steps, options.every);
  return {
    config: { ...state, lambdas, seeds, every: options.every },
    runs: sweep.runs,
    run_steps_per_s: sweep.runStepsPerSecond,
    num_tensors: { start: startTensors, end: tf.memory().numTensors },
  };
}
