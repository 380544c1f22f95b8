/**
 * The digits scenario's data: real handwritten digits (28×28, grey levels 0–255) with their
 * labels, split once and for all into a training and a test set. The split is fixed by the asset
 * (`tools/digits/digitsAsset.ts` writes it), not by a run's seed, as a dataset on disk would be.
 */
export const DIGIT_SIDE = 28;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
export const DIGIT_CLASSES = 10;

export interface DigitImages {
  /** n × 784 grey levels, row-major. */
  pixels: Uint8Array;
  labels: Uint8Array;
  n: number;
}

export interface DigitSet {
  train: DigitImages;
  test: DigitImages;
}

/** The asset starts with these bytes (before deflating), then the counts, labels and pixels. */
const MAGIC = 'KLD1';
const HEADER_BYTES = 12;

/** The asset's layout: magic, train and test counts (u32 LE), all labels, then all pixels. */
export function packDigits({ train, test }: DigitSet): Uint8Array {
  const n = train.n + test.n;
  const out = new Uint8Array(HEADER_BYTES + n + n * DIGIT_PIXELS);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, train.n, true);
  view.setUint32(8, test.n, true);
  out.set(train.labels, HEADER_BYTES);
  out.set(test.labels, HEADER_BYTES + train.n);
  out.set(train.pixels, HEADER_BYTES + n);
  out.set(test.pixels, HEADER_BYTES + n + train.n * DIGIT_PIXELS);
  return out;
}

export function unpackDigits(bytes: Uint8Array): DigitSet {
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new Error('not a digits asset: it does not start with KLD1');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nTrain = view.getUint32(4, true);
  const nTest = view.getUint32(8, true);
  const n = nTrain + nTest;
  if (bytes.length !== HEADER_BYTES + n * (1 + DIGIT_PIXELS))
    throw new Error(`digits asset cut short: ${bytes.length} bytes for ${n} digits`);
  const labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + n);
  const pixels = bytes.subarray(HEADER_BYTES + n);
  const part = (from: number, count: number): DigitImages => ({
    labels: labels.slice(from, from + count),
    pixels: pixels.slice(from * DIGIT_PIXELS, (from + count) * DIGIT_PIXELS),
    n: count,
  });
  return { train: part(0, nTrain), test: part(nTrain, nTest) };
}

/** Inflates the asset (zlib's deflate format) with the platform's own decompressor. */
export async function inflateDigits(deflated: Uint8Array): Promise<DigitSet> {
  const stream = new Blob([deflated as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return unpackDigits(new Uint8Array(await new Response(stream).arrayBuffer()));
}

let provided: DigitSet | null = null;

/** Hands the engine the digits (the worker fetches the asset, Node reads it): scenarios then find them. */
export function provideDigits(set: DigitSet): void {
  provided = set;
}

export function digitsProvided(): boolean {
  return provided !== null;
}

export function providedDigits(): DigitSet {
  if (!provided)
    throw new Error('the digits scenario needs its data: load digits.bin and call provideDigits first');
  return provided;
}
