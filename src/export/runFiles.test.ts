import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../engine/runScenario';
import { DEFAULT_STATE, type LabState, SETTINGS, scenarioSettings } from '../state/schema';
import { parseRun } from './parseRun';
import { type RecordedRun, recordRun } from './recordRun';
import { runCsv } from './runCsv';
import { APP_VERSION, RUN_FORMAT_VERSION, runJson, STEP_COLUMNS, withAccuracies } from './runRecord';

const state: LabState = {
  ...DEFAULT_STATE,
  steps: 10,
  seed: 7,
  lambda: 0.3,
  optimizer: 'sgd',
  backend: 'cpu',
};
let run: RecordedRun;

beforeAll(async () => {
  await tf.setBackend('cpu');
  run = await recordRun(state);
}, 120_000);

describe('the run record', () => {
  it("holds the engine's own numbers: recording a run changes none of them", async () => {
    const reference = await runScenario(scenarioSettings(state), state.steps);
    expect(run.record.pretrain).toEqual(reference.pretrain);
    expect(run.record.steps).toEqual(reference.history.map((h) => ({ ...h, lambda: state.lambda })));
    expect(run.replay?.batches).toHaveLength(state.steps);
    expect(run.replay?.batches.every((rows) => rows.length === state.batchSize)).toBe(true);
  });

  it('names the format, the app version, the settings, the seed and the backend', () => {
    const { record } = run;
    expect(record).toMatchObject({ format: 'kl-lab-run', format_version: RUN_FORMAT_VERSION, seed: 7 });
    expect(record.app_version).toBe(APP_VERSION);
    expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(record.settings).toEqual(state);
    expect(record.backend).toBe('cpu');
  });

  it('gives each step the accuracies measured last at or before it', () => {
    const steps = [1, 2, 3, 4].map((step) => ({
      step,
      lossNew: step,
      klPenalty: 0,
      totalLoss: step,
      lambda: 1,
    }));
    const measured = [
      { step: 0, oldTaskAcc: 0.9, newTaskAcc: 0.1 },
      { step: 2, oldTaskAcc: 0.8, newTaskAcc: 0.2 },
      { step: 4, oldTaskAcc: 0.7, newTaskAcc: 0.3 },
    ];
    expect(withAccuracies(steps, measured).map((s) => s.old_task_acc)).toEqual([0.9, 0.8, 0.8, 0.7]);
  });
});

describe('JSON', () => {
  it('reads back exactly what was written', () => {
    expect(parseRun(runJson(run.record))).toEqual({ ok: true, record: run.record });
  });

  it('writes a loss that was not finite as null and reads it back as NaN', () => {
    const diverged = { ...run.record, steps: [{ ...run.record.steps[0], total_loss: Number.NaN }] };
    const text = runJson(diverged);
    expect(JSON.parse(text).steps[0].total_loss).toBeNull();
    const parsed = parseRun(text);
    expect(parsed.ok && parsed.record.steps[0].total_loss).toBeNaN();
  });

  const refusals: [string, (file: Record<string, unknown>) => unknown, RegExp][] = [
    ['a file that is not JSON', () => undefined, /^not JSON/],
    ['another kind of file', (f) => ({ ...f, format: 'something-else' }), /not a KL Lab run/],
    ['a newer format', (f) => ({ ...f, format_version: RUN_FORMAT_VERSION + 1 }), /reads up to version/],
    [
      'a missing setting',
      (f) => ({ ...f, settings: { ...(f.settings as object), lambda: undefined } }),
      /settings\.lambda is missing/,
    ],
    [
      'an unknown choice',
      (f) => ({ ...f, settings: { ...(f.settings as object), optimizer: 'rmsprop' } }),
      /settings\.optimizer = "rmsprop" is not a valid value/,
    ],
    [
      'an out-of-range number',
      (f) => ({ ...f, settings: { ...(f.settings as object), lambda: 50 } }),
      /settings\.lambda = 50 is not a valid value/,
    ],
    [
      'a setting of the wrong type',
      (f) => ({ ...f, settings: { ...(f.settings as object), freezeBatchNorm: 'yes' } }),
      /settings\.freezeBatchNorm must be a boolean/,
    ],
    [
      'an unknown setting',
      (f) => ({ ...f, settings: { ...(f.settings as object), gamma: 2 } }),
      /unknown setting: gamma/,
    ],
    ['a seed that disagrees', (f) => ({ ...f, seed: 8 }), /"seed" \(8\) differs/],
    ['steps that are not a list', (f) => ({ ...f, steps: {} }), /"steps" must be an array, got an object/],
    [
      'a step with a text value',
      (f) => ({ ...f, steps: [{ ...(f.steps as object[])[0], loss_new: '0.5' }] }),
      /steps\[0\]\.loss_new must be a number, got "0\.5"/,
    ],
    [
      'steps out of order',
      (f) => ({ ...f, steps: (f.steps as object[]).slice(1) }),
      /steps\[0\]\.step is 2, expected 1/,
    ],
  ];
  for (const [what, change, message] of refusals) {
    it(`refuses ${what}, saying what is wrong`, () => {
      const file = JSON.parse(runJson(run.record));
      const changed = change(file);
      const parsed = parseRun(changed === undefined ? '{"format": ' : JSON.stringify(changed));
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? '' : parsed.error).toMatch(message);
    });
  }
});

describe('CSV', () => {
  const csv = () => runCsv(run.record).trimEnd().split('\n');

  it('starts with the run and every setting as # key=value lines', () => {
    const comments = csv().filter((line) => line.startsWith('# '));
    const pairs = Object.fromEntries(comments.map((line) => line.slice(2).split('=') as [string, string]));
    expect(pairs).toMatchObject({ format: 'kl-lab-run', app_version: APP_VERSION, backend: 'cpu' });
    expect(Number(pairs.pretrain_old_task_acc)).toBe(run.record.pretrain.old_task_acc);
    for (const setting of SETTINGS) expect(pairs[setting.name]).toBe(String(state[setting.name]));
  });

  it('has a header and one row per step that reads back as the same numbers', () => {
    const rows = csv().filter((line) => !line.startsWith('#'));
    expect(rows[0]).toBe(STEP_COLUMNS.join(','));
    expect(rows).toHaveLength(1 + state.steps);
    const read = rows
      .slice(1)
      .map((row) => Object.fromEntries(row.split(',').map((v, i) => [STEP_COLUMNS[i], Number(v)])));
    expect(read).toEqual(run.record.steps);
  });
});
