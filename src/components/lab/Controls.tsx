import { useT } from '../../i18n/I18n';
import { SETTINGS, type SettingName } from '../../state/schema';
import { SettingControl } from './SettingControl';

/** Every setting but the language (which sits in the page header), in schema order. */
const LAB_SETTINGS = SETTINGS.map((s) => s.name).filter(
  (n): n is Exclude<SettingName, 'lang'> => n !== 'lang',
);

export function Controls() {
  const t = useT();
  return (
    <form className="controls" aria-label={t('lab.controls')} onSubmit={(e) => e.preventDefault()}>
      {LAB_SETTINGS.map((name) => (
        <SettingControl key={name} name={name} />
      ))}
    </form>
  );
}
