import { describe, expect, it } from 'vitest';
import { DIGITS_ASSET, digitsAssetBytes } from '../../tools/digits/digitsAsset';
import { digitsProvided, providedDigits } from '../engine/data/digitSet';
import { DigitsUnavailable, loadDigits } from './loadDigits';

/** The bytes as a `data:` URL: Node's fetch reads it as the worker's fetch reads the served file. */
const dataUrl = (bytes: Uint8Array) =>
  `data:application/octet-stream;base64,${Buffer.from(bytes).toString('base64')}`;

describe('loadDigits', () => {
  it('says the digits are unavailable when there is no address, or the file is not the asset', async () => {
    await expect(loadDigits(undefined)).rejects.toBeInstanceOf(DigitsUnavailable);
    await expect(loadDigits(dataUrl(new Uint8Array([1, 2, 3])))).rejects.toBeInstanceOf(DigitsUnavailable);
    expect(digitsProvided()).toBe(false);
  });

  it(`hands the engine the digits of ${DIGITS_ASSET}, and fetches no more once it has them`, async () => {
    await loadDigits(dataUrl(digitsAssetBytes()));
    expect(providedDigits().test.n).toBe(2000);
    // Already provided: even an address that would fail is not fetched.
    await expect(loadDigits('http://127.0.0.1:9/nothing-here')).resolves.toBeUndefined();
  }, 60_000);
});
