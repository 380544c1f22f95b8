import { useEffect } from 'react';
import { useT } from '../i18n/I18n';
import { SettingControl } from './lab/SettingControl';

export function Header() {
  const t = useT();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <header className="header">
      <div className="header-title">
        <h1>{t('app.title')}</h1>
        <p>{t('app.subtitle')}</p>
      </div>
      <a className="lab-link" href="#lab">
        {t('nav.lab')}
      </a>
      <SettingControl name="lang" />
    </header>
  );
}
