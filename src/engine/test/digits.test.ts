import { describe, expect, it } from 'vitest';
import { DIGIT_PIXELS, DIGIT_SIDE, type DigitImages, packDigits, unpackDigits } from '../data/digitSet';
import { digitInputs } from '../data/rotateDigits';

/** Two made-up 28×28 images: one bright pixel each, at (row, col). */
function dots(...at: [number, number][]): DigitImages {
  const pixels = new Uint8Array(at.length * DIGIT_PIXELS);
  at.forEach(([row, col], i) => {
    pixels[i * DIGIT_PIXELS + row * DIGIT_SIDE + col] = 255;
  });
  return { pixels, labels: Uint8Array.from(at, (_, i) => i), n: at.length };
}

const brightAt = (image: Float32Array, i: number) => {
  const values = image.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS);
  const p = values.indexOf(Math.max(...values));
  return [Math.floor(p / DIGIT_SIDE), p % DIGIT_SIDE, values[p]];
};

describe('the digits', () => {
  it('pack into the asset’s layout and back unchanged', () => {
    const set = { train: dots([0, 0], [5, 9]), test: dots([27, 27]) };
    const back = unpackDigits(packDigits(set));
    expect(back.train).toEqual(set.train);
    expect(back.test).toEqual(set.test);
    expect(() => unpackDigits(packDigits(set).subarray(0, 100))).toThrow(/cut short/);
  });

  it('scale to [0, 1] upright, and turn counter-clockwise about the centre', () => {
    const images = dots([2, 20]); // top right
    expect(brightAt(digitInputs(images, 0), 0)).toEqual([2, 20, 1]);
    // A quarter turn counter-clockwise takes the top right to the top left…
    expect(brightAt(digitInputs(images, 90), 0)).toEqual([7, 2, 1]);
    // …a half turn to the bottom left, exactly (no blur at right angles).
    expect(brightAt(digitInputs(images, 180), 0)).toEqual([25, 7, 1]);
    // Other angles spread a pixel bilinearly over its neighbours and keep about its ink.
    const turned = digitInputs(images, 30);
    expect(turned.filter((v) => v > 0).length).toBeGreaterThan(1);
    expect(Math.abs(turned.reduce((a, v) => a + v, 0) - 1)).toBeLessThan(0.01);
  });
});
