import { type ReactNode, useId } from 'react';
import type { MessageKey } from '../../i18n/catalogs';
import { type Translate, useT } from '../../i18n/I18n';
import { useLabStore, useLabView } from '../../state/LabContext';
import type { LabState, SettingName } from '../../state/schema';
import { useSettingAccess } from '../../state/settingAccess';
import type { LabStore, LabView } from '../../state/store';
import { formatSignificant } from '../formatNumber';

/** Measured numbers in the symptoms, to four significant digits. */
const fmt = (v: number | undefined) => formatSignificant(v, 4);

interface Pitfall {
  id: 'noDeepcopy' | 'oldTrainMode' | 'noNoGrad' | 'meanReduction' | 'probsAsInput' | 'modelEval';
  /** The setting the switch changes, so hiding or locking that setting applies to the switch too. */
  setting: SettingName;
  /** Whether the settings contain this mistake: the switch is a view of the settings, not a copy. */
  isOn(s: LabState): boolean;
  /** Puts the mistake in (or takes it out) through the ordinary settings. */
  toggle(store: LabStore, on: boolean): void;
  symptom(view: LabView, t: Translate): ReactNode;
}

/** The six mistakes: three have their own switches, three are ordinary settings set wrong. */
const PITFALLS: Pitfall[] = [
  {
    id: 'noDeepcopy',
    setting: 'shareModelOld',
    isOn: (s) => s.shareModelOld,
    toggle: (store, on) => store.setSetting('shareModelOld', on),
    symptom: (v, t) => t('pitfalls.noDeepcopy.symptom', { kl: fmt(v.steps.at(-1)?.klPenalty) }),
  },
  {
    id: 'oldTrainMode',
    setting: 'modelOldMode',
    isOn: (s) => s.modelOldMode === 'train',
    toggle: (store, on) => store.setSetting('modelOldMode', on ? 'train' : 'eval'),
    symptom: (v, t) =>
      t('pitfalls.oldTrainMode.symptom', {
        from: fmt(v.snapshots[0]?.batchNorm.modelOld.runningMean[0]),
        now: fmt(v.snapshots.at(-1)?.batchNorm.modelOld.runningMean[0]),
        kl: fmt(v.steps.at(-1)?.klPenalty),
      }),
  },
  {
    id: 'noNoGrad',
    setting: 'teacherNoGrad',
    isOn: (s) => !s.teacherNoGrad,
    toggle: (store, on) => store.setSetting('teacherNoGrad', !on),
    symptom: (v, t) =>
      t('pitfalls.noNoGrad.symptom', {
        norm: fmt(v.snapshots.at(-1)?.modelOldGradNorm),
        previous: fmt(v.snapshots.at(-2)?.modelOldGradNorm),
      }),
  },
  {
    id: 'meanReduction',
    setting: 'reduction',
    isOn: (s) => s.reduction === 'mean',
    toggle: (store, on) => store.setSetting('reduction', on ? 'mean' : 'batchmean'),
    symptom: (v, t) => {
      const classes = v.boundaries?.classes ?? 0;
      return t('pitfalls.meanReduction.symptom', {
        kl: fmt(v.steps.at(-1)?.klPenalty),
        classes,
        lambda: v.settings.lambda,
        effective: fmt(v.settings.lambda / classes),
      });
    },
  },
  {
    id: 'probsAsInput',
    setting: 'probsAsInput',
    isOn: (s) => s.probsAsInput,
    toggle: (store, on) => store.setSetting('probsAsInput', on),
    symptom: (v, t) => {
      const kl = v.steps.at(-1)?.klPenalty;
      const text = t('pitfalls.probsAsInput.symptom', { kl: fmt(kl) });
      return kl !== undefined && kl < 0 ? `${text} ${t('pitfalls.probsAsInput.negative')}` : text;
    },
  },
  {
    id: 'modelEval',
    setting: 'modelMode',
    isOn: (s) => s.modelMode === 'eval',
    toggle: (store, on) => store.setSetting('modelMode', on ? 'eval' : 'train'),
    symptom: (v, t) =>
      t('pitfalls.modelEval.symptom', { mean: fmt(v.snapshots.at(-1)?.batchNorm.model.runningMean[0]) }),
  },
];

function PitfallSwitch({ pitfall }: { pitfall: Pitfall }) {
  const t = useT();
  const store = useLabStore();
  const id = useId();
  const settings = useLabView((v) => v.settings);
  const view = useLabView((v) => v);
  const access = useSettingAccess(pitfall.setting);
  const on = pitfall.isOn(settings);
  const key = (part: string) => `pitfalls.${pitfall.id}.${part}` as MessageKey;
  if (access === 'hidden') return null;
  return (
    <li className={on ? 'pitfall pitfall-on' : 'pitfall'}>
      <input
        id={id}
        type="checkbox"
        disabled={access === 'locked'}
        checked={on}
        onChange={(e) => pitfall.toggle(store, e.target.checked)}
      />
      <label htmlFor={id}>{t(key('label'))}</label>
      {on && (
        <div className="pitfall-effect" role="status">
          <p>
            <strong>{t('pitfalls.symptom')}: </strong>
            {view.steps.length > 0 ? pitfall.symptom(view, t) : t('pitfalls.waiting')}
          </p>
          <p>
            <strong>{t('pitfalls.diagnosis')}: </strong>
            {t(key('diagnosis'))}
          </p>
        </div>
      )}
    </li>
  );
}

/** Toggles that inject a classic mistake into the live run, each with its symptom and diagnosis. */
export function PitfallLab() {
  const t = useT();
  const gradId = useId();
  const gradNorm = useLabView((v) => v.snapshots.at(-1)?.modelOldGradNorm);
  return (
    <section className="pitfalls" aria-labelledby="pitfalls-heading">
      <h2 id="pitfalls-heading">{t('pitfalls.title')}</h2>
      <p>{t('pitfalls.intro')}</p>
      <ul>
        {PITFALLS.map((p) => (
          <PitfallSwitch key={p.id} pitfall={p} />
        ))}
      </ul>
      <p className="readout">
        <label htmlFor={gradId}>{t('pitfalls.gradNorm')}</label>
        <output id={gradId}>{fmt(gradNorm ?? 0)}</output>
      </p>
    </section>
  );
}
