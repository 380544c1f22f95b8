import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { formatReadout, Readout } from './Readouts';

/** The first BatchNorm channel's running statistics of both models, as numbers beside the chart. */
export function BatchNormReadouts() {
  const t = useT();
  const stats = useLabView((v) => v.snapshots.at(-1)?.batchNorm);
  return (
    <section className="readouts" aria-label={t('lab.batchNormReadouts')}>
      <Readout label="readout.modelRunningMean" value={formatReadout(stats?.model.runningMean[0])} />
      <Readout label="readout.modelOldRunningMean" value={formatReadout(stats?.modelOld.runningMean[0])} />
      <Readout label="readout.modelOldRunningVar" value={formatReadout(stats?.modelOld.runningVar[0])} />
    </section>
  );
}
