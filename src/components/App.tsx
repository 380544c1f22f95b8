import { lazy, Suspense, useEffect } from 'react';
import { I18nProvider, resolveLanguage, useT } from '../i18n/I18n';
import { HighlightProvider } from '../state/highlight';
import { useLabView } from '../state/LabContext';
import { Header } from './Header';
import { Lab } from './lab/Lab';

// The text and its formulas (KaTeX) load in their own chunk, so the instrument paints first.
const Reading = lazy(() => import('./Reading'));

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
        <Lab />
        <Suspense fallback={<div className="reading" />}>
          <Reading />
        </Suspense>
      </main>
    </>
  );
}

export function App() {
  const setting = useLabView((v) => v.settings.lang);
  const language = resolveLanguage(setting, navigator.languages);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  return (
    <I18nProvider language={language}>
      <HighlightProvider>
        <Page />
      </HighlightProvider>
    </I18nProvider>
  );
}
