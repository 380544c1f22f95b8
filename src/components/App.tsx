import { useEffect } from 'react';
import { I18nProvider, resolveLanguage } from '../i18n/I18n';
import { HighlightProvider } from '../state/highlight';
import { useLabView } from '../state/LabContext';
import { Article } from './article';
import { Header } from './Header';
import { Lab } from './lab/Lab';
import { Lessons } from './lessons';

export function App() {
  const setting = useLabView((v) => v.settings.lang);
  const language = resolveLanguage(setting, navigator.languages);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  return (
    <I18nProvider language={language}>
      <HighlightProvider>
        <Header />
        <main className="layout">
          <div className="reading">
            <Article />
            <Lessons />
          </div>
          <Lab />
        </main>
      </HighlightProvider>
    </I18nProvider>
  );
}
