import { useEffect } from 'react';
import { I18nProvider, resolveLanguage, useT } from '../i18n/I18n';
import { HighlightProvider } from '../state/highlight';
import { useLabView } from '../state/LabContext';
import { Article } from './article';
import { Header } from './Header';
import { Lab } from './lab/Lab';
import { Lessons } from './lessons';

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
        <div className="reading">
          <p className="lab-intro">{t('lab.intro')}</p>
          <Article />
          <Lessons />
        </div>
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
