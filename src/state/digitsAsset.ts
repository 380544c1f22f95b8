/** The file the Vite plugin `tools/digits/vitePlugin.ts` serves and emits beside index.html. */
const DIGITS_ASSET = 'digits.bin';

/**
 * Where this page's digits are, as an absolute URL on its own origin: resolved against the page (any
 * sub-path, a course frame, `<kl-lab>`'s frame), because a worker started from a Blob URL has no
 * base of its own to resolve a relative one. Outside a page (Node tests) the bare name.
 */
export function digitsAssetUrl(): string {
  return typeof document === 'undefined' ? DIGITS_ASSET : new URL(DIGITS_ASSET, document.baseURI).href;
}
