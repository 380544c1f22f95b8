import type { Plugin } from 'vite';
import type { Language } from '../src/i18n/catalogs';
import { boot as en } from '../src/i18n/en/boot.ts';
import { boot as zh } from '../src/i18n/zh/boot.ts';

// The boot area of the catalogs (registered in src/i18n/catalogs.ts like every area), imported
// directly and with extensions: Vite loads this file with its config, and a future native config
// loader needs them (it warns about every extensionless import otherwise).
const BOOT: Record<Language, typeof en> = { en, zh };

/**
 * Writes the boot catalog's message into index.html's #root, in both languages, so that a page
 * whose app never starts (dist/index.html opened as a file: no module scripts, no workers over
 * file://) says how to serve it instead of staying blank. React replaces #root's content when the
 * app starts; the <style> in index.html keeps the message hidden for its first seconds, so normal
 * loads never show it. Static HTML on purpose: no inline script (a strict CSP is planned).
 */
export function bootMessage(): Plugin {
  return {
    name: 'kl-lab-boot-message',
    transformIndexHtml(html) {
      const root = '<div id="root"></div>';
      if (!html.includes(root)) throw new Error(`bootMessage: index.html has no empty ${root}`);
      return html.replace(root, `<div id="root">${bootMessageHtml()}</div>`);
    },
  };
}

const COMMANDS: Record<string, string> = { preview: 'npm run preview', build: 'npm run build' };

/** The message's markup: one block per language, catalog text HTML-escaped, commands as <code>. */
export function bootMessageHtml(): string {
  const block = (language: Language) => {
    const t = BOOT[language];
    const text = (key: keyof typeof t) =>
      escapeHtml(t[key]).replace(/\{(\w+)\}/g, (m, name: string) =>
        name in COMMANDS ? `<code>${escapeHtml(COMMANDS[name])}</code>` : m,
      );
    return (
      `<section lang="${language}">` +
      `<h1>${text('boot.file.heading')}</h1>` +
      `<p>${text('boot.file.reason')}</p>` +
      `<p>${text('boot.file.howto')}</p>` +
      '</section>'
    );
  };
  const languages: Language[] = ['en', 'zh'];
  return `<div class="boot-file">${languages.map(block).join('')}</div>`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
