import { useT } from '../../i18n/I18n';
import { useUnknownSettingNames } from '../../state/settingAccess';

/** Says which names a course page's `hide` or `lock` gave that are not settings, so a typo is seen. */
export function UnknownSettingsNotice() {
  const t = useT();
  const names = useUnknownSettingNames();
  if (names.length === 0) return null;
  return <p className="notice notice-warning">{t('notice.unknownSettings', { names: names.join(', ') })}</p>;
}
