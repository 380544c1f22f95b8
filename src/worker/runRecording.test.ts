import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertTorch, runScript, worstRelativeError } from '../../tools/runPython';
import { Scenario } from '../engine/scenario';
import { SCENARIO_DEFAULTS, type ScenarioSettings } from '../engine/scenarioSettings';
import { notebookOf } from '../export/notebook';
import { ReplaySwitchedPartWay, RunRecording } from './runRecording';

const settings: ScenarioSettings = { ...SCENARIO_DEFAULTS, dropout: 0, seed: 2, lambda: 0.5 };

beforeAll(async () => {
  await assertTorch();
  await tf.setBackend('cpu');
}, 60_000);

/** Steps the live scenario as the worker does, returning each step's total loss. */
async function steps(scenario: Scenario, count: number): Promise<number[]> {
  const totals: number[] = [];
  for (let i = 0; i < count; i++) {
    const losses = scenario.step();
    totals.push((await losses.totalLoss.data())[0]);
    tf.dispose([losses.lossNew, losses.klPenalty, losses.totalLoss]);
  }
  return totals;
}

/** A live scenario pretrained under a recording, as the worker holds them once model_old is frozen. */
async function withFrozenRecording(work: (scenario: Scenario, recording: RunRecording) => Promise<void>) {
  const scenario = new Scenario(settings);
  try {
    const recording = new RunRecording(scenario);
    while (!scenario.pretrained) scenario.pretrainStep();
    await recording.frozen();
    await work(scenario, recording);
  } finally {
    scenario.dispose();
  }
}

describe('the worker’s record of the live run', () => {
  it(
    'writes a script that PyTorch runs to the same losses, for the steps the page shows',
    () =>
      withFrozenRecording(async (scenario, recording) => {
        recording.trainingWith(settings);
        const lab = await steps(scenario, 8);
        // The page shows 6 steps (a diverged run shows fewer than the worker ran): the script has 6.
        const script = recording.script(settings, 6, false);
        expect(script).not.toContain('The settings changed');
        const torch = await runScript(script);
        expect(torch.steps).toHaveLength(6);
        expect(
          worstRelativeError(
            torch.steps.map((s) => s.total_loss),
            lab.slice(0, 6),
          ),
        ).toBeLessThanOrEqual(1e-4);
        expect(recording.script(settings, 6, true)).toBe(notebookOf(script));

        // A setting changed mid-run: the script says that it trains every step with the last settings.
        recording.trainingWith({ ...settings, lambda: 2 });
        expect(recording.script({ ...settings, lambda: 2 }, 8, false)).toContain('The settings changed');
      }),
    300_000,
  );

  it(
    'switched to replay part-way, refuses a script it could not make faithful, and names why',
    () =>
      withFrozenRecording(async (scenario, recording) => {
        await steps(scenario, 2);
        const replay = { ...settings, klInputs: 'replay' } as const;
        scenario.update(replay);
        await steps(scenario, 2);
        expect(() => recording.script(replay, 4, false)).toThrow(ReplaySwitchedPartWay);
        // Written with the article's KL inputs, the same run needs no replayed rows.
        expect(recording.script(settings, 4, false)).not.toContain('REPLAY_BATCHES');
      }),
    300_000,
  );
});
