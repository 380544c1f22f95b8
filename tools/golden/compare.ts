import type { CaseResult, NestedNumbers } from '../../src/engine/case';

/** What tools/golden/generate.py writes to expected/NAME.json. */
export interface Golden {
  torch_version: string;
  float32: CaseResult;
  float64: CaseResult;
  rounding_noise: CaseResult;
}

const NOISE_FACTOR = 5;

export interface Mismatch {
  where: string;
  got: number;
  want: number;
  tolerance: number;
}

/**
 * Compares a run with PyTorch's float32 result. Entry tolerance: rel·max(1, |want|), plus
 * NOISE_FACTOR times the rounding noise PyTorch itself shows on that entry: zero for almost all
 * entries, large only where training amplifies rounding (see generate.py). A GPU backend rounds
 * differently from PyTorch's CPU kernels (other reduction orders), so its own noise on such an
 * entry can be several times PyTorch's spread. Returns every entry outside its tolerance.
 */
export function compareWithGolden(got: CaseResult, golden: Golden, rel: number): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const check = (where: string, g: NestedNumbers, w: NestedNumbers, noise: NestedNumbers) => {
    if (Array.isArray(w)) {
      if (!Array.isArray(g) || g.length !== w.length) {
        mismatches.push({ where: `${where} (shape)`, got: Number.NaN, want: Number.NaN, tolerance: 0 });
        return;
      }
      for (const [i, wi] of w.entries()) check(`${where}[${i}]`, g[i], wi, (noise as NestedNumbers[])[i]);
      return;
    }
    const tolerance = rel * Math.max(1, Math.abs(w)) + NOISE_FACTOR * (noise as number);
    if (typeof g !== 'number' || !(Math.abs(g - (w as number)) <= tolerance)) {
      mismatches.push({ where, got: g as number, want: w as number, tolerance });
    }
  };
  const want = golden.float32;
  const noise = golden.rounding_noise;
  if (got.steps.length !== want.steps.length) {
    mismatches.push({ where: 'steps (count)', got: got.steps.length, want: want.steps.length, tolerance: 0 });
  }
  want.steps.forEach((step, i) => {
    for (const key of ['loss_new', 'kl_penalty', 'total_loss', 'model_old_grad_norm'] as const) {
      const want = step[key];
      if (want === undefined) continue; // only cases with pitfalls report the teacher's gradient
      check(`steps[${i}].${key}`, got.steps[i]?.[key] as number, want, noise.steps[i][key] as number);
    }
  });
  for (const part of ['state', 'old_state'] as const) {
    for (const [key, value] of Object.entries(want[part])) {
      check(`${part}.${key}`, got[part][key], value, noise[part][key]);
    }
  }
  return mismatches;
}
