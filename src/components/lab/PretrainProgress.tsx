import { useId } from 'react';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';

export function PretrainProgress() {
  const t = useT();
  const id = useId();
  const phase = useLabView((v) => v.phase);
  const done = useLabView((v) => v.pretrain.done);
  const total = useLabView((v) => v.pretrain.total);
  const acc = useLabView((v) => v.pretrain.oldTaskAcc);
  const steps = useLabView((v) => v.settings.steps);
  if (phase === 'starting' || phase === 'pretraining') {
    return (
      <div className="pretrain">
        <label htmlFor={id}>{t('pretrain.label')}</label>
        <progress id={id} max={total || 1} value={done} />
      </div>
    );
  }
  return (
    <div className="pretrain">
      {acc !== null && <p>{t('pretrain.done', { acc: `${(100 * acc).toFixed(1)}%` })}</p>}
      {phase === 'finished' && <p>{t('phase.finished', { steps })}</p>}
    </div>
  );
}
