import { useId } from 'react';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabStore, useLabView } from '../../state/LabContext';
import { Readout } from './Readouts';
import { useShownNumbers } from './ShownNumbers';

const SPEEDS = [1, 2, 5, 10, 20, 50];

/** Play/Pause, Step, Reset and the speed, beside the `step` (as shown in the readouts) and the backend. */
export function RunButtons() {
  const t = useT();
  const step = useShownNumbers().last?.step ?? 0;
  const store = useLabStore();
  const phase = useLabView((v) => v.phase);
  const speed = useLabView((v) => v.speed);
  const backend = useLabView((v) => v.backend);
  const backendName = backend ? t(`option.${backend.name}` as MessageKey) : t('readout.none');
  const speedId = useId();
  const playing = phase === 'playing';
  const canRun = phase === 'paused' || playing;
  return (
    <div className="run-buttons">
      <button
        type="button"
        className="primary"
        disabled={!canRun}
        onClick={() => (playing ? store.pause() : store.play())}
      >
        {playing ? t('button.pause') : t('button.play')}
      </button>
      <button type="button" disabled={phase !== 'paused'} onClick={() => store.step()}>
        {t('button.step')}
      </button>
      <button type="button" onClick={() => store.reset()}>
        {t('button.reset')}
      </button>
      <span className="speed">
        <label htmlFor={speedId}>{t('speed.label')}</label>
        <select id={speedId} value={speed} onChange={(e) => store.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </span>
      <Readout className="readout-inline readout-step" label="readout.step" value={String(step)} />
      <Readout
        className="readout-inline"
        label="readout.backend"
        value={backend?.software ? t('backend.software', { name: backendName }) : backendName}
      />
    </div>
  );
}
