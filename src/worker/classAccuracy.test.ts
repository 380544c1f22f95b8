import { describe, expect, it } from 'vitest';
import { firstOfEachClass, perClassAccuracy } from './classAccuracy';

describe('firstOfEachClass', () => {
  it('finds the first index of every class, and −1 for a missing one', () => {
    expect(firstOfEachClass([2, 0, 2, 1, 0], 4)).toEqual([1, 3, 0, -1]);
  });
});

describe('perClassAccuracy', () => {
  it('counts each class apart', () => {
    // class 0: 2 of 3 right; class 1: 0 of 1; class 2: none seen
    expect(perClassAccuracy([0, 0, 1, 0], [0, 0, 0, 1], 3)).toEqual([2 / 3, 0, Number.NaN]);
  });

  it('refuses predictions that do not match the labels', () => {
    expect(() => perClassAccuracy([0], [0, 1], 2)).toThrow('1 predictions for 2 labels');
  });
});
