import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { CATALOGS, type Language, type MessageKey } from './catalogs';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** `{name}` placeholders are replaced by params; a missing key shows itself (and fails a test). */
export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key, params) => {
    const text = catalog[key] ?? key;
    return params
      ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
      : text;
  };
}

const I18nContext = createContext<{ language: Language; t: Translate }>({
  language: 'en',
  t: translator('en'),
});

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: translator(language) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLanguage(): Language {
  return useContext(I18nContext).language;
}

/**
 * 'auto' follows the browser's preference order: the first of its languages the lab speaks
 * (['fr', 'zh-CN', 'en'] gives Chinese, ['en-GB', 'zh'] English); English if none.
 */
export function resolveLanguage(setting: 'auto' | Language, browser: readonly string[]): Language {
  if (setting !== 'auto') return setting;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh' || primary === 'en') return primary;
  }
  return 'en';
}
