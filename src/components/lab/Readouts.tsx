import { useId } from 'react';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';

function Readout({ label, value }: { label: MessageKey; value: string }) {
  const t = useT();
  const id = useId();
  return (
    <div className="readout">
      <label htmlFor={id}>{t(label)}</label>
      <output id={id} aria-live="off">
        {value}
      </output>
    </div>
  );
}

const number = (v: number | undefined) => (v === undefined ? '–' : v.toPrecision(5));
const percent = (v: number | undefined) => (v === undefined ? '–' : `${(100 * v).toFixed(1)}%`);

/** The current values as `<output>` elements, each labelled, for people and for tests. */
export function Readouts() {
  const t = useT();
  const last = useLabView((v) => v.steps.at(-1));
  const snapshot = useLabView((v) => v.snapshots.at(-1));
  const backend = useLabView((v) => v.backend);
  const backendName = backend ? t(`option.${backend.name}` as MessageKey) : t('readout.none');
  return (
    <section className="readouts" aria-label={t('lab.readouts')}>
      <Readout label="readout.step" value={String(last?.step ?? 0)} />
      <Readout label="readout.lossNew" value={number(last?.lossNew)} />
      <Readout label="readout.klPenalty" value={number(last?.klPenalty)} />
      <Readout label="readout.totalLoss" value={number(last?.totalLoss)} />
      <Readout label="readout.oldTaskAcc" value={percent(snapshot?.oldTaskAcc)} />
      <Readout label="readout.newTaskAcc" value={percent(snapshot?.newTaskAcc)} />
      <Readout label="readout.modelRunningMean" value={number(snapshot?.batchNorm.model.runningMean[0])} />
      <Readout
        label="readout.modelOldRunningMean"
        value={number(snapshot?.batchNorm.modelOld.runningMean[0])}
      />
      <Readout
        label="readout.modelOldRunningVar"
        value={number(snapshot?.batchNorm.modelOld.runningVar[0])}
      />
      <Readout
        label="readout.backend"
        value={backend?.software ? t('backend.software', { name: backendName }) : backendName}
      />
    </section>
  );
}
