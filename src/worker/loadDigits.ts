/**
 * Gets the digits scenario its data in this worker: fetches `digits.bin` from the page's origin,
 * inflates it and hands it to the engine, once per worker (a second digits run reuses it; a failed
 * fetch may be tried again by the next run).
 */
import { digitsProvided, inflateDigits, provideDigits } from '../engine/data/digitSet';

/** Thrown when the asset cannot be had; the page words it from its catalogs (`about: 'digits'`). */
export class DigitsUnavailable extends Error {}

let loading: Promise<void> | null = null;

/** Resolves once the engine has the digits; `url` is where the page serves the asset. */
export function loadDigits(url: string | undefined): Promise<void> {
  if (digitsProvided()) return Promise.resolve();
  if (!url) return Promise.reject(new DigitsUnavailable('no address for digits.bin was given'));
  loading ??= fetchDigits(url).catch((e: unknown) => {
    loading = null;
    throw e instanceof DigitsUnavailable
      ? e
      : new DigitsUnavailable(e instanceof Error ? e.message : String(e));
  });
  return loading;
}

async function fetchDigits(url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new DigitsUnavailable(`${url}: ${response.status} ${response.statusText}`.trim());
  provideDigits(await inflateDigits(new Uint8Array(await response.arrayBuffer())));
}
