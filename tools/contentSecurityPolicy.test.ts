import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyMeta, styleHashes } from './contentSecurityPolicy';

const transform = (html: string) => {
  const hook = contentSecurityPolicyMeta().transformIndexHtml as { handler: (html: string) => string };
  return hook.handler(html);
};

describe('contentSecurityPolicy', () => {
  it('hashes each inline <style> by its exact text, as a browser does', () => {
    const css = '.a{color:red}';
    const expected = createHash('sha256').update(css).digest('base64');
    expect(styleHashes(`<style>${css}</style><p>x</p><style></style>`)).toEqual([
      `'sha256-${expected}'`,
      `'sha256-${createHash('sha256').update('').digest('base64')}'`,
    ]);
  });

  it('allows no eval and no inline script, and names the style hashes', () => {
    const policy = contentSecurityPolicy(["'sha256-AAA='"]);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).toContain("style-src 'self' 'sha256-AAA='");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('declares the policy right after <meta charset>, before any style or script', () => {
    const html = transform(
      '<head><meta charset="UTF-8" /><style>.a{}</style><script src="x.js"></script></head>',
    );
    expect(html).toMatch(
      /^<head><meta charset="UTF-8" \/>\s*<meta http-equiv="Content-Security-Policy" content="[^"]*'sha256-/,
    );
    expect(() => transform('<head></head>')).toThrow(/charset/);
  });

  it('applies to the build only, where no dev-server scripts are injected', () => {
    expect(contentSecurityPolicyMeta().apply).toBe('build');
  });
});
