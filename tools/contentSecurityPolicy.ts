import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * The built page's Content Security Policy (docs/EMBED.md, "Content Security Policy"), declared in
 * a <meta> so that it travels with dist/ to any static host. Each source is there because the lab
 * needs it; `{styleHashes}` becomes the hashes of index.html's own <style> elements.
 * A <meta> policy cannot carry frame-ancestors or reporting; framing stays open on purpose, since
 * any course page may embed the lab.
 */
const DIRECTIVES: [directive: string, sources: string][] = [
  ['default-src', "'self'"],
  // TF.js's WASM backend compiles its binary wherever the engine runs; a Blob-URL worker (opaque
  // origins) and the page's own thread (hosts refusing workers) inherit this policy.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // The engine's fallback for sandboxed frames is a classic worker from a Blob URL (src/worker/workerStarter.ts).
  ['worker-src', "'self' blob:"],
  // The Export dialog draws a chart's SVG, from a Blob URL, onto a canvas to save it as PNG.
  ['img-src', "'self' blob:"],
  // The stylesheets Vite links, and the boot message's <style> in index.html (by hash, no inline CSS else).
  ['style-src', "'self' {styleHashes}"],
  // KaTeX's HTML, set as markup, sizes its boxes with style attributes.
  ['style-src-attr', "'unsafe-inline'"],
  // The page has no <base>; nothing may redirect its relative URLs.
  ['base-uri', "'none'"],
];

/** Base64 SHA-256 sources of each inline <style> element's exact text, as CSP matches them. */
export function styleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`,
  );
}

/** The policy for a page whose inline styles are `hashes`. */
export function contentSecurityPolicy(hashes: string[]): string {
  return DIRECTIVES.map(([directive, sources]) =>
    `${directive} ${sources.replace('{styleHashes}', hashes.join(' '))}`.trim(),
  ).join('; ');
}

/**
 * Adds the policy's <meta> right after <meta charset> (a meta policy governs only what follows it).
 * Build only: the dev server injects inline scripts (React refresh, HMR client) that it would block.
 * A post hook, so it hashes the <style> as Vite has minified it.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'kl-lab-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="[^"]*" ?\/?>/i.exec(html);
        if (!charset) throw new Error('contentSecurityPolicy: index.html has no <meta charset>');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(styleHashes(html))}" />`;
        const at = charset.index + charset[0].length;
        return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
      },
    },
  };
}
