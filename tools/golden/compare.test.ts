import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseResult, NestedNumbers } from '../../src/engine/case';
import { type CaseShape, compareWithGolden, type Golden, roundingNoiseEntries } from './compare';

const dir = new URL('./', import.meta.url);
const goldens = readdirSync(new URL('cases/', dir)).map((f) => ({
  name: f.replace(/\.json$/, ''),
  c: JSON.parse(readFileSync(new URL(`cases/${f}`, dir), 'utf8')) as CaseShape,
  golden: JSON.parse(readFileSync(new URL(`expected/${f}`, dir), 'utf8')) as Golden,
}));

const flat = (v: NestedNumbers): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);
const widestSpread = (golden: Golden, part: 'state' | 'old_state', key: string) =>
  Math.max(...flat(golden.rounding_noise[part][key]));

/** PyTorch's float32 result with the first element of one state entry moved by `delta`. */
function shifted(golden: Golden, key: string, delta: number): CaseResult {
  const got: CaseResult = structuredClone(golden.float32);
  const value = got.state[key] as number[];
  value[0] += delta;
  return got;
}

describe('roundingNoiseEntries', () => {
  // Cross-checks the list with the data: an entry is noise exactly where PyTorch's own reruns
  // (float64, rows permuted) disagree by more than float32 rounding can explain.
  it.each(goldens)('lists exactly the entries PyTorch cannot pin down ($name)', ({ c, golden }) => {
    const noisy = (['state', 'old_state'] as const).flatMap((part) =>
      Object.keys(golden.float32[part])
        .filter((key) => widestSpread(golden, part, key) > 1e-4)
        .map((key) => `${part}.${key}`),
    );
    expect([...roundingNoiseEntries(c).keys()].sort()).toEqual(noisy.sort());
  });

  it('finds noise in some cases and not in others', () => {
    const counts = goldens.map(({ c }) => roundingNoiseEntries(c).size);
    expect(counts.some((n) => n > 0)).toBe(true);
    expect(counts.some((n) => n === 0)).toBe(true);
  });
});

describe('compareWithGolden', () => {
  const article = goldens.find((g) => g.name === 'article_adam') as (typeof goldens)[number];

  it("accepts PyTorch's own float32 result", () => {
    expect(compareWithGolden(article.golden.float32, article.golden, article.c, 1e-5)).toEqual([]);
  });

  it('holds an ordinary entry to rel·max(1, |want|) plus its tiny rounding spread', () => {
    const { c, golden } = article;
    const want = (golden.float32.state['4.bias'] as number[])[0];
    const tolerance =
      1e-5 * Math.max(1, Math.abs(want)) + (golden.rounding_noise.state['4.bias'] as number[])[0];
    expect(tolerance).toBeLessThan(2e-5);
    expect(compareWithGolden(shifted(golden, '4.bias', 0.9 * tolerance), golden, c, 1e-5)).toEqual([]);
    const [mismatch] = compareWithGolden(shifted(golden, '4.bias', 1.1 * tolerance), golden, c, 1e-5);
    expect(mismatch).toMatchObject({ where: 'state.4.bias[0]', tolerance });
    expect(mismatch.noise).toBeUndefined();
  });

  it("holds a noise entry only to twice PyTorch's widest spread on its tensor, and says why", () => {
    const { c, golden } = article;
    const band = 2 * widestSpread(golden, 'state', '0.bias');
    expect(band).toBeGreaterThan(1e-3);
    expect(compareWithGolden(shifted(golden, '0.bias', 0.9 * band), golden, c, 1e-5)).toEqual([]);
    const [mismatch] = compareWithGolden(shifted(golden, '0.bias', 1.1 * band), golden, c, 1e-5);
    expect(mismatch).toMatchObject({ where: 'state.0.bias[0]', tolerance: band });
    expect(mismatch.noise).toMatch(/true gradient 0/);
  });
});
