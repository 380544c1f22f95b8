import type { CaseResult, NestedNumbers, TrainCase } from '../../src/engine/case';

/** What tools/golden/generate.py writes to expected/NAME.json. */
export interface Golden {
  torch_version: string;
  float32: CaseResult;
  float64: CaseResult;
  rounding_noise: CaseResult;
}

/** The parts of a case that decide which of its values are rounding noise. */
export type CaseShape = Pick<TrainCase, 'layers' | 'optimizer' | 'modes'>;

/**
 * A noise entry may lie anywhere within this many times the widest spread PyTorch's own reruns
 * show on that tensor: a port is one more rerun, and on the CPU backend it lands within 1.2 times.
 */
const NOISE_BAND = 2;

/**
 * The final-state entries whose value PyTorch itself does not pin down, each with the reason.
 * A Linear bias feeding a BatchNorm that normalises with batch statistics is removed again by the
 * batch mean, so its true gradient is 0 and the computed one is rounding noise; Adam divides that
 * noise by its own size and moves the bias by about ±lr per step in a direction rounding decides.
 * The BatchNorm's running_mean averages the Linear's output, bias included, and inherits that noise.
 * (SGD moves such a bias by lr times the noise, which stays within the tight tolerance.)
 * docs/engine-deviations.md explains the list; compare.test.ts checks it against PyTorch's spread.
 */
export function roundingNoiseEntries(c: CaseShape): Map<string, string> {
  const entries = new Map<string, string>();
  if (c.optimizer.type !== 'adam' || c.modes.model !== 'train') return entries;
  c.layers.forEach((layer, i) => {
    if (layer.type !== 'linear' || c.layers[i + 1]?.type !== 'batchnorm1d') return;
    entries.set(
      `state.${i}.bias`,
      `Linear bias right before BatchNorm: true gradient 0, so Adam's steps on it are rounding noise`,
    );
    entries.set(
      `state.${i + 1}.running_mean`,
      `running mean of the Linear's output, so it carries state.${i}.bias's rounding noise`,
    );
  });
  return entries;
}

export interface Mismatch {
  where: string;
  got: number;
  want: number;
  tolerance: number;
  /** Set when the entry is rounding noise, checked only against PyTorch's own spread: the reason. */
  noise?: string;
}

/**
 * Compares a run with PyTorch's float32 result. Every entry must lie within
 * rel·max(1, |want|) + PyTorch's own rounding spread on it (float64 and row-permuted reruns; about
 * 1e-7 for all but the noise entries): rel is what the backend's float32 arithmetic may add
 * (1e-5 on TF.js's CPU backend, more where GPU kernels sum in another order). The entries of
 * roundingNoiseEntries are checked only to stay within NOISE_BAND times the widest spread PyTorch
 * shows on their tensor. Returns every entry outside its tolerance.
 */
export function compareWithGolden(got: CaseResult, golden: Golden, c: CaseShape, rel: number): Mismatch[] {
  const noiseEntries = roundingNoiseEntries(c);
  const mismatches: Mismatch[] = [];
  const check = (where: string, g: unknown, w: NestedNumbers, spread: NestedNumbers, band?: number) => {
    if (Array.isArray(w)) {
      if (!Array.isArray(g) || g.length !== w.length) {
        mismatches.push({ where: `${where} (shape)`, got: Number.NaN, want: Number.NaN, tolerance: 0 });
        return;
      }
      for (const [i, wi] of w.entries())
        check(`${where}[${i}]`, g[i], wi, (spread as NestedNumbers[])[i], band);
      return;
    }
    const tolerance = band ?? rel * Math.max(1, Math.abs(w as number)) + (spread as number);
    if (typeof g !== 'number' || !(Math.abs(g - (w as number)) <= tolerance)) {
      mismatches.push({ where, got: g as number, want: w as number, tolerance });
    }
  };
  const want = golden.float32;
  const spread = golden.rounding_noise;
  if (got.steps.length !== want.steps.length) {
    mismatches.push({ where: 'steps (count)', got: got.steps.length, want: want.steps.length, tolerance: 0 });
  }
  want.steps.forEach((step, i) => {
    for (const key of ['loss_new', 'kl_penalty', 'total_loss', 'model_old_grad_norm'] as const) {
      const want = step[key];
      if (want === undefined) continue; // only cases with pitfalls report the teacher's gradient
      check(`steps[${i}].${key}`, got.steps[i]?.[key], want, spread.steps[i][key] as number);
    }
  });
  for (const part of ['state', 'old_state'] as const) {
    for (const [key, value] of Object.entries(want[part])) {
      const where = `${part}.${key}`;
      const noise = noiseEntries.get(where);
      const band = noise === undefined ? undefined : NOISE_BAND * Math.max(...flat(spread[part][key]));
      const before = mismatches.length;
      check(where, got[part][key], value, spread[part][key], band);
      if (noise) for (const m of mismatches.slice(before)) m.noise = noise;
    }
  }
  return mismatches;
}

function flat(v: NestedNumbers): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v];
}
