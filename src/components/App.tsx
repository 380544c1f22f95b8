import { lazy, Suspense, useEffect } from 'react';
import { I18nProvider, resolveLanguage, useT } from '../i18n/I18n';
import { parseEmbedParams } from '../state/embedParams';
import { HighlightProvider } from '../state/highlight';
import { useLabView } from '../state/LabContext';
import { SettingAccessProvider } from '../state/settingAccess';
import { Header } from './Header';
import { Lab } from './lab/Lab';
import { useAutoplay } from './useAutoplay';
import { useTheme } from './useTheme';

// The text and its formulas (KaTeX) load in their own chunk, so the instrument paints first.
const Reading = lazy(() => import('./Reading'));

// Page parameters, not settings: read once, as the module loads (the address keeps them).
const EMBED_PARAMS = parseEmbedParams(window.location.search);

/** The lab comes first in the document (and first on narrow screens); wide screens put it beside the text. */
function Page() {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#lab">
        {t('nav.skipToLab')}
      </a>
      <Header />
      <main className="layout">
        <Lab embedFrom={EMBED_PARAMS} />
        <Suspense fallback={<div className="reading" />}>
          <Reading />
        </Suspense>
      </main>
    </>
  );
}

/** `?embed=1`: the instrument panel alone, for a course page's frame (the text is the course's own). */
function EmbeddedPage() {
  return (
    <main className="layout layout-embed">
      <Lab />
    </main>
  );
}

export function App() {
  const setting = useLabView((v) => v.settings.lang);
  const theme = useLabView((v) => v.settings.theme);
  const language = resolveLanguage(setting, navigator.languages);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  useTheme(theme);
  useAutoplay(EMBED_PARAMS.autoplay);
  return (
    <I18nProvider language={language}>
      <SettingAccessProvider rules={EMBED_PARAMS}>
        <HighlightProvider>{EMBED_PARAMS.embed ? <EmbeddedPage /> : <Page />}</HighlightProvider>
      </SettingAccessProvider>
    </I18nProvider>
  );
}
