import { describe, expect, it } from 'vitest';
import { bootMessage, bootMessageHtml, escapeHtml } from './bootMessage';

describe('bootMessage', () => {
  it('writes both languages into the empty #root, commands in place of the placeholders', () => {
    const html = bootMessageHtml();
    expect(html).toContain('<section lang="en">');
    expect(html).toContain('<section lang="zh">');
    expect(html.match(/<code>npm run preview<\/code>/g)).toHaveLength(2);
    expect(html.match(/<code>npm run build<\/code>/g)).toHaveLength(2);
    expect(html).not.toMatch(/\{\w+\}/);
  });

  it('escapes catalog text as HTML', () => {
    expect(escapeHtml(`<b>"A" & 'B'</b>`)).toBe('&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;');
  });

  it('refuses an index.html without an empty #root', () => {
    const transform = bootMessage().transformIndexHtml as (html: string) => string;
    expect(transform('<div id="root"></div>')).toContain('class="boot-file"');
    expect(() => transform('<div id="app"></div>')).toThrow(/#root|id="root"/);
  });
});
