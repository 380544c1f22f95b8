import { describe, expect, it } from 'vitest';
import { parseEmbedParams } from '../state/embedParams';
import { DEFAULT_STATE, stateFromQuery } from '../state/schema';
import { listedOrigins } from './hostOrigins';
import {
  componentSnippet,
  type EmbedChoice,
  escapeAttribute,
  FRAME_HEIGHT,
  frameHeight,
  frameSrc,
  iframeSnippet,
  mystSnippet,
} from './snippets';

const choice = (over: Partial<EmbedChoice> = {}): EmbedChoice => ({
  labUrl: 'https://lab.example/courses/kl/',
  settings: DEFAULT_STATE,
  hidden: [],
  locked: [],
  autoplay: false,
  height: 650,
  title: 'KL Lab',
  ...over,
});

/** The `src` of the first iframe in a snippet, as a browser reads the attribute (entities decoded). */
function srcIn(snippet: string): URL {
  const raw = /src="([^"]*)"/.exec(snippet)?.[1] ?? '';
  return new URL(
    raw
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

describe('the embed snippets', () => {
  it('carry only the settings changed from their defaults', () => {
    const settings = { ...DEFAULT_STATE, lambda: 0.3, optimizer: 'sgd' as const };
    expect(frameSrc(choice({ settings }))).toBe(
      'https://lab.example/courses/kl/?embed=1&lambda=0.3&optimizer=sgd',
    );
    expect(frameSrc(choice())).toBe('https://lab.example/courses/kl/?embed=1');
    expect(componentSnippet(choice({ settings }))).toContain(
      '<kl-lab lambda="0.3" optimizer="sgd"></kl-lab>',
    );
  });

  it('leave out the backend: each reader’s browser picks its own', () => {
    const settings = { ...DEFAULT_STATE, backend: 'wasm' as const, theme: 'dark' as const };
    expect(frameSrc(choice({ settings }))).toBe('https://lab.example/courses/kl/?embed=1&theme=dark');
    expect(componentSnippet(choice({ settings }))).not.toContain('backend');
  });

  it('escape & and quotes inside HTML attributes, and the browser reads back the same address', () => {
    const settings = { ...DEFAULT_STATE, lambda: 0.3, direction: 'new||old' as const };
    const snippet = iframeSnippet(choice({ settings, title: 'A "quoted" <lab>' }));
    expect(snippet).toContain('?embed=1&amp;lambda=0.3&amp;direction=new%7C%7Cold"');
    expect(snippet).not.toMatch(/&(?!amp;|quot;|lt;|gt;)/);
    expect(snippet).toContain('title="A &quot;quoted&quot; &lt;lab&gt;"');
    // What the frame opens is what the lab itself reads back.
    const src = srcIn(snippet);
    expect(stateFromQuery(src.search).state).toMatchObject({ lambda: 0.3, direction: 'new||old' });
    expect(parseEmbedParams(src.search).embed).toBe(true);
    expect(listedOrigins(src.search)).toEqual([]);
    expect(escapeAttribute('a&b"c<d>')).toBe('a&amp;b&quot;c&lt;d&gt;');
  });

  it('are a frame of the chosen height that needs no script: width 100%, no border, fullscreen allowed', () => {
    expect(iframeSnippet(choice({ height: 720, title: 'KL Lab' }))).toBe(
      '<iframe src="https://lab.example/courses/kl/?embed=1" title="KL Lab" width="100%" height="720"' +
        ' style="border:0" allow="fullscreen"></iframe>',
    );
  });

  it('say autoplay as a parameter in the frame and as a boolean attribute on the element', () => {
    const on = choice({ autoplay: true, settings: { ...DEFAULT_STATE, lambda: 0 } });
    expect(srcIn(iframeSnippet(on)).searchParams.get('autoplay')).toBe('1');
    expect(parseEmbedParams(srcIn(iframeSnippet(on)).search).autoplay).toBe(true);
    expect(componentSnippet(on)).toContain('<kl-lab lambda="0" autoplay></kl-lab>');
    expect(frameSrc(choice())).not.toContain('autoplay');
    expect(componentSnippet(choice())).not.toContain('autoplay');
  });

  it('keep the page’s hide and lock lists, in the schema’s order', () => {
    const page = choice({ hidden: ['lr', 'dropout'], locked: ['lambda'] });
    const params = parseEmbedParams(srcIn(iframeSnippet(page)).search);
    expect([...params.hidden]).toEqual(['dropout', 'lr']);
    expect([...params.locked]).toEqual(['lambda']);
    expect(componentSnippet(page)).toContain('<kl-lab hide="dropout,lr" lock="lambda"></kl-lab>');
  });

  it('load the element’s script from beside the lab’s page, wherever it is served', () => {
    expect(componentSnippet(choice())).toBe(
      '<script type="module" src="https://lab.example/courses/kl/embed.js"></script>\n<kl-lab></kl-lab>',
    );
    expect(componentSnippet(choice({ labUrl: 'https://lab.example/kl/index.html' }))).toContain(
      'src="https://lab.example/kl/embed.js"',
    );
  });

  it('wrap the iframe in a raw HTML block for MyST', () => {
    const c = choice({ settings: { ...DEFAULT_STATE, lambda: 3 } });
    expect(mystSnippet(c)).toBe(`\`\`\`{raw} html\n${iframeSnippet(c)}\n\`\`\``);
  });

  it('read a typed height as whole pixels within range', () => {
    expect(frameHeight('700')).toBe(700);
    expect(frameHeight(' 512.6 ')).toBe(513);
    expect(frameHeight('10')).toBe(FRAME_HEIGHT.min);
    expect(frameHeight('99999')).toBe(FRAME_HEIGHT.max);
    expect(frameHeight('')).toBe(FRAME_HEIGHT.default);
    expect(frameHeight('tall')).toBe(FRAME_HEIGHT.default);
  });
});
