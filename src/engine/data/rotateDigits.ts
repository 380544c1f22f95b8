import { DIGIT_PIXELS, DIGIT_SIDE, type DigitImages } from './digitSet';

/**
 * The digits as the network reads them: grey levels scaled to [0, 1], each image turned by
 * `degrees` counter-clockwise about its centre (bilinear sampling, zero outside the frame, as
 * torchvision's `rotate` with bilinear interpolation). 0° is the images as they are.
 */
export function digitInputs(images: DigitImages, degrees: number): Float32Array {
  const out = new Float32Array(images.n * DIGIT_PIXELS);
  const turn = (degrees * Math.PI) / 180;
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  const centre = (DIGIT_SIDE - 1) / 2;
  // For each output pixel, where it comes from in the upright image (the inverse rotation).
  const from: { index: number; weight: number }[][] = [];
  for (let row = 0; row < DIGIT_SIDE; row++) {
    for (let col = 0; col < DIGIT_SIDE; col++) {
      const dx = col - centre;
      const dy = row - centre;
      // Rows grow downwards: a counter-clockwise turn on screen is clockwise in (col, row).
      const srcCol = cos * dx - sin * dy + centre;
      const srcRow = sin * dx + cos * dy + centre;
      from.push(bilinear(srcRow, srcCol));
    }
  }
  for (let i = 0; i < images.n; i++) {
    const base = i * DIGIT_PIXELS;
    for (let p = 0; p < DIGIT_PIXELS; p++) {
      let v = 0;
      for (const { index, weight } of from[p]) v += weight * images.pixels[base + index];
      out[base + p] = v / 255;
    }
  }
  return out;
}

/** The up to four pixels around (row, col) inside the frame, with their bilinear weights. */
function bilinear(row: number, col: number): { index: number; weight: number }[] {
  // Snap coordinates within rounding of a whole pixel (sin 90° is not exactly 1 in floats).
  const snap = (v: number) => (Math.abs(v - Math.round(v)) < 1e-9 ? Math.round(v) : v);
  const r = snap(row);
  const c = snap(col);
  const r0 = Math.floor(r);
  const c0 = Math.floor(c);
  const taps: { index: number; weight: number }[] = [];
  for (const [dr, wr] of [
    [0, 1 - (r - r0)],
    [1, r - r0],
  ]) {
    for (const [dc, wc] of [
      [0, 1 - (c - c0)],
      [1, c - c0],
    ]) {
      const rr = r0 + dr;
      const cc = c0 + dc;
      const weight = wr * wc;
      if (weight > 0 && rr >= 0 && rr < DIGIT_SIDE && cc >= 0 && cc < DIGIT_SIDE)
        taps.push({ index: rr * DIGIT_SIDE + cc, weight });
    }
  }
  return taps;
}
