import { SCENARIO_TRAINING } from '../../engine/scenarioSettings';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { SETTINGS, type SettingName } from '../../state/schema';
import { settingApplies } from '../../state/settingApplies';
import { SettingControl } from './SettingControl';

/**
 * The settings tab: every setting in schema order, except those with a place of their own: λ (in
 * the panel), the language (in the page header) and the pitfalls (in the pitfall tab). The scenario
 * comes first (it decides what the rest mean); a setting that does not apply to it is left out.
 */
const TAB_SETTINGS = SETTINGS.filter(
  (s) => s.name !== 'lambda' && s.name !== 'lang' && !('pitfall' in s && s.pitfall),
).map((s) => s.name as SettingName);

export function Controls() {
  const t = useT();
  const scenario = useLabView((v) => v.settings.scenario);
  const { sectors, digits } = SCENARIO_TRAINING;
  return (
    <>
      <form className="controls" aria-label={t('lab.controls')} onSubmit={(e) => e.preventDefault()}>
        {TAB_SETTINGS.filter((name) => settingApplies(name, { scenario })).map((name) => (
          <SettingControl key={name} name={name} />
        ))}
      </form>
      <p className="controls-note">
        {t('lab.scenarioTraining', {
          sectorsLr: sectors.lr,
          sectorsBatch: sectors.batchSize,
          digitsLr: digits.lr,
          digitsBatch: digits.batchSize,
        })}
      </p>
    </>
  );
}
