import { useT } from '../../i18n/I18n';
import { AccuracyChart, BatchNormChart, DecisionBoundaries, LossChart } from '../charts';
import { CodePanel } from '../code';
import { ModesGrid, PitfallLab } from '../pitfalls';
import { BackendNote } from './BackendNote';
import { Controls } from './Controls';
import { Notices } from './Notices';
import { PretrainProgress } from './PretrainProgress';
import { Readouts } from './Readouts';
import { RunButtons } from './RunButtons';

/** The live half of the page: controls, readouts, charts and decision boundaries. */
export function Lab() {
  const t = useT();
  return (
    <section className="lab" aria-labelledby="lab-heading">
      <h2 id="lab-heading">{t('lab.heading')}</h2>
      <p>{t('lab.intro')}</p>
      <Notices />
      <PretrainProgress />
      <RunButtons />
      <Readouts />
      <BackendNote />
      <CodePanel />
      <div className="charts">
        <LossChart />
        <AccuracyChart />
        <BatchNormChart />
        <DecisionBoundaries />
      </div>
      <Controls />
      <PitfallLab />
      <ModesGrid />
    </section>
  );
}
