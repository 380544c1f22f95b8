import { describe, expect, it } from 'vitest';
import { frontierPoints } from './frontierPoints';

describe('frontier points', () => {
  it('averages each λ over its seeds, with the range they span and the trail of means', () => {
    const runs = [
      { lambda: 0, seed: 1 },
      { lambda: 1, seed: 1 },
      { lambda: 0, seed: 2 },
      { lambda: 1, seed: 2 },
    ];
    const points = [
      { step: 0, oldTaskAcc: [0.9, 0.9, 0.8, 0.8], newTaskAcc: [0.2, 0.2, 0.4, 0.4] },
      { step: 5, oldTaskAcc: [0.5, 0.8, 0.3, 0.7], newTaskAcc: [0.9, 0.6, 0.7, 0.5] },
    ];
    const [zero, one] = frontierPoints(runs, points);
    expect(zero.lambda).toBe(0);
    expect(zero.oldTask).toEqual({ mean: 0.4, min: 0.3, max: 0.5 });
    expect(zero.newTask.mean).toBeCloseTo(0.8);
    expect(zero.newTask).toMatchObject({ min: 0.7, max: 0.9 });
    expect(one.trail.map((p) => p.oldTask.toFixed(2))).toEqual(['0.85', '0.75']);
    expect(one.trail.map((p) => p.newTask.toFixed(2))).toEqual(['0.30', '0.55']);
  });

  it('has nothing to show before the first report', () => {
    expect(frontierPoints([{ lambda: 0, seed: 1 }], [])).toEqual([]);
  });
});
