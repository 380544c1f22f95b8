import { useId } from 'react';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabStore, useLabView } from '../../state/LabContext';
import { type LabState, parseSetting, SETTINGS, type SettingName } from '../../state/schema';
import { useSettingAccess } from '../../state/settingAccess';

export function labelKey(name: SettingName): MessageKey {
  return `setting.${name}` as MessageKey;
}

/** The short name a value is written with: `λ = 0` on a preset and in a ghost run's name. */
export function shortKey(name: SettingName): MessageKey {
  return `short.${name}` as MessageKey;
}

export function optionKey(name: SettingName, option: string): MessageKey {
  return (name === 'lang' ? `lang.${option}` : `option.${option}`) as MessageKey;
}

/** The form control of one setting, derived from its schema entry (slider, number, select, checkbox). */
export function SettingControl({ name }: { name: SettingName }) {
  const t = useT();
  const store = useLabStore();
  const value = useLabView((v) => v.settings[name]);
  const running = useLabView((v) => v.backend?.name);
  const id = useId();
  const access = useSettingAccess(name);
  const setting = SETTINGS.find((s) => s.name === name);
  if (!setting) throw new Error(`no setting named ${name}`);
  if (access === 'hidden') return null;
  const disabled = access === 'locked';
  const set = (v: LabState[SettingName]) => store.setSetting(name, v as never);
  const label = t(labelKey(name));
  // The backend selector names the backend that actually runs beside the choice ("automatic", or a
  // forced one that fell back), so it never shows a choice as if it were what runs.
  const optionText = (option: string) => {
    const text = t(optionKey(name, option));
    if (name !== 'backend' || option !== value || !running || running === option) return text;
    return t('select.running', { choice: text, name: t(optionKey(name, running)) });
  };

  switch (setting.kind) {
    case 'boolean':
      return (
        <div className="setting setting-boolean">
          <input
            id={id}
            type="checkbox"
            disabled={disabled}
            checked={value as boolean}
            onChange={(e) => set(e.target.checked)}
          />
          <label htmlFor={id}>{label}</label>
        </div>
      );
    case 'choice':
      return (
        <div className="setting">
          <label htmlFor={id}>{label}</label>
          <select
            id={id}
            disabled={disabled}
            value={value as string}
            onChange={(e) => set(e.target.value as never)}
          >
            {setting.options.map((o) => (
              <option key={o} value={o}>
                {optionText(o)}
              </option>
            ))}
          </select>
        </div>
      );
    case 'number': {
      // Typed or dragged values are clamped by the same rule as URL values.
      const commit = (text: string) => {
        const parsed = parseSetting(setting, text);
        set(parsed.value as number);
      };
      // The typed box and the slider share the setting's range and step.
      const bounds = { id, disabled, min: setting.min, max: setting.max, step: setting.step };
      if (setting.control === 'number') {
        return (
          <div className="setting">
            <label htmlFor={id}>{label}</label>
            <input
              {...bounds}
              type="number"
              defaultValue={value as number}
              key={String(value)}
              onBlur={(e) => commit(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit(e.currentTarget.value);
              }}
            />
          </div>
        );
      }
      const presets = 'presets' in setting ? setting.presets : undefined;
      return (
        <div className="setting">
          <label htmlFor={id}>{label}</label>
          <div className="slider-row">
            <input
              {...bounds}
              type="range"
              value={value as number}
              onChange={(e) => commit(e.target.value)}
            />
            <output htmlFor={id}>{String(value)}</output>
          </div>
          {presets && (
            <fieldset className="presets">
              <legend className="visually-hidden">{t('lab.presets', { name: label })}</legend>
              {presets.map((p) => (
                <button
                  type="button"
                  key={p}
                  disabled={disabled}
                  aria-pressed={value === p}
                  onClick={() => set(p)}
                >
                  {t(shortKey(name))} = {p}
                </button>
              ))}
            </fieldset>
          )}
        </div>
      );
    }
  }
}
