import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../state/schema';
import { CATALOGS } from './catalogs';
import { resolveLanguage } from './I18n';

describe('the language', () => {
  it('follows the browser’s preference order: the first language the lab speaks wins', () => {
    expect(resolveLanguage('auto', ['fr-FR', 'zh-CN', 'en'])).toBe('zh');
    expect(resolveLanguage('auto', ['en-GB', 'zh-TW'])).toBe('en');
    expect(resolveLanguage('auto', ['zh-Hant-TW'])).toBe('zh');
    expect(resolveLanguage('auto', ['de', 'fr'])).toBe('en');
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
  });
});

describe('the catalogs', () => {
  it('name every setting, its short form and every option of a choice, in both languages', () => {
    for (const catalog of Object.values(CATALOGS)) {
      const has = (key: string) => typeof (catalog as Record<string, string>)[key] === 'string';
      for (const setting of SETTINGS) {
        expect(has(`setting.${setting.name}`), `setting.${setting.name}`).toBe(true);
        expect(has(`short.${setting.name}`), `short.${setting.name}`).toBe(true);
        if (setting.kind !== 'choice') continue;
        const prefix = setting.name === 'lang' ? 'lang' : 'option';
        for (const option of setting.options)
          expect(has(`${prefix}.${option}`), `${prefix}.${option}`).toBe(true);
      }
    }
  });

  it('fill every placeholder in Chinese that the English text has', () => {
    for (const [key, en] of Object.entries(CATALOGS.en)) {
      const zh = CATALOGS.zh[key as keyof typeof CATALOGS.en];
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(zh), key).toEqual(names(en));
    }
  });
});
