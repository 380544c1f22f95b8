import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { deepcopy } from '../copy';
import { Linear, Sequential } from '../nn';
import { liveBatch, modesGrid } from '../probes';
import { manualSeed, nextSeed } from '../random';
import { runScenario } from '../runScenario';
import { Scenario } from '../scenario';
import { SCENARIO_DEFAULTS, type ScenarioSettings } from '../scenarioSettings';

const defaults: ScenarioSettings = SCENARIO_DEFAULTS;
const settings = defaults;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function pretrainedScenario(overrides: Partial<ScenarioSettings> = {}): Promise<Scenario> {
  const s = new Scenario({ ...settings, ...overrides });
  while (!s.pretrained) s.pretrainStep();
  return s;
}

describe('the scenario', () => {
  it('gives the same numbers for the same seed and settings, other numbers for another seed', async () => {
    const a = await runScenario(settings, 15);
    const b = await runScenario(settings, 15);
    const c = await runScenario({ ...settings, seed: 2 }, 15);
    expect(b).toEqual(a);
    expect(c.final.loss_new).not.toBe(a.final.loss_new);
  });

  it('deepcopy draws nothing from the random stream, as in PyTorch', () => {
    manualSeed(5);
    const net = new Sequential(new Linear(2, 4));
    const expected = nextSeed();
    manualSeed(5);
    const again = new Sequential(new Linear(2, 4));
    const copy = deepcopy(again);
    expect(nextSeed()).toBe(expected);
    for (const m of [net, again, copy]) m.dispose();
  });

  it('measures the live batch without changing the run', async () => {
    // Scenarios share the engine's global generator (like PyTorch's), so the two runs go one after
    // the other: one measures between steps, the other does not; their next losses must agree.
    const nextLoss = async (measure: boolean) => {
      const s = await pretrainedScenario();
      for (let i = 0; i < 3; i++) tf.dispose(Object.values(s.step()));
      const measured = measure ? { batch: await liveBatch(s), grid: await modesGrid(s) } : null;
      const losses = s.step();
      const loss = (await losses.totalLoss.data())[0];
      tf.dispose(Object.values(losses));
      s.dispose();
      return { loss, measured };
    };
    const withMeasures = await nextLoss(true);
    const without = await nextLoss(false);
    expect(withMeasures.loss).toBe(without.loss);

    const batch = withMeasures.measured?.batch;
    const grid = withMeasures.measured?.grid ?? [];
    expect(batch?.klOldNew).toBeGreaterThan(0);
    expect(batch?.klNewOld).toBeGreaterThan(0);
    expect(batch?.pOld.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    expect(grid).toHaveLength(4);
    const cell = (mode: string, noGrad: boolean) => grid.find((c) => c.mode === mode && c.noGrad === noGrad);
    expect(cell('train', true)).toMatchObject({ randomOutput: true, statsMove: true, gradNorm: 0 });
    expect(cell('eval', true)).toMatchObject({ randomOutput: false, statsMove: false, gradNorm: 0 });
    expect(cell('train', false)?.gradNorm).toBeGreaterThan(0);
    expect(cell('eval', false)?.gradNorm).toBeGreaterThan(0);
    expect(cell('eval', false)?.statsMove).toBe(false);
  });

  it('model_old = model (pitfall 1) makes the penalty vanish', async () => {
    const s = await pretrainedScenario({ shareModelOld: true });
    for (let i = 0; i < 3; i++) {
      const losses = s.step();
      expect(Math.abs((await losses.klPenalty.data())[0])).toBeLessThan(1e-6);
      tf.dispose(Object.values(losses));
    }
    s.dispose();
  });

  it('without no_grad (pitfall 3) the gradient piles up in model_old; with it there is none', async () => {
    const s = await pretrainedScenario();
    tf.dispose(Object.values(s.step()));
    expect(await s.modelOldGradNorm()).toBe(0);
    s.update({ ...settings, teacherNoGrad: false });
    const norms: number[] = [];
    for (let i = 0; i < 3; i++) {
      tf.dispose(Object.values(s.step()));
      norms.push(await s.modelOldGradNorm());
    }
    expect(norms[0]).toBeGreaterThan(0);
    expect(norms[2]).toBeGreaterThan(norms[0]);
    s.dispose();
  });
});
