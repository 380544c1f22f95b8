import { useEffect, useMemo, useRef } from 'react';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabStore, useLabView } from '../../state/LabContext';
import type { SettingName } from '../../state/schema';
import { SEED_COUNTS, type SeedCount, SWEEP_LAMBDAS, type SweepView } from '../../state/sweepStore';
import { useSweepStore, useSweepView } from '../../state/useSweep';
import { ChartFigure } from '../charts/ChartFigure';
import { watchSight } from '../lab/watchSight';
import { FrontierChart } from './FrontierChart';
import { FrontierTable } from './FrontierTable';
import { frontierPoints } from './frontierPoints';
import './frontier.css';

/** The pitfall settings by the names the Pitfalls tab gives them. */
const PITFALL_LABEL: Partial<Record<SettingName, MessageKey>> = {
  shareModelOld: 'pitfalls.noDeepcopy.label',
  teacherNoGrad: 'pitfalls.noNoGrad.label',
  probsAsInput: 'pitfalls.probsAsInput.label',
};

/** What the sweep is doing, in a sentence. */
function useStatus(view: SweepView, steps: number): string {
  const t = useT();
  const runs = SWEEP_LAMBDAS.length * view.seedCount;
  const step = view.points.at(-1)?.step ?? 0;
  switch (view.phase) {
    case 'idle':
      return t('frontier.status.idle');
    case 'starting':
      return t('frontier.status.starting', { runs });
    case 'training':
      return t('frontier.status.training', { step, steps, runs, backend: view.backend ?? '' });
    case 'finished':
      return t('frontier.status.finished', { runs, steps: step });
    case 'failed':
      if (view.errorAbout === 'digits') return t('digits.loadFailed', { message: view.error ?? '' });
      return t('frontier.failed', { error: view.error ?? '' });
    case 'refused':
      return t('frontier.refused', {
        settings: view.refusedBy.map((name) => t(PITFALL_LABEL[name] ?? `setting.${name}`)).join('; '),
      });
  }
}

/**
 * The stability–plasticity frontier: every λ preset trained at once with the lab's other settings,
 * each a point of old-task against new-task accuracy that moves as it trains. Choosing a point loads
 * its λ into the lab's run. The sweep trains only while this view is open and in sight.
 */
export function Frontier() {
  const t = useT();
  const lab = useLabStore();
  const sweep = useSweepStore();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const stopWatching = watchSight(element, (change) => sweep.see(change));
    sweep.setShown(true);
    return () => {
      stopWatching();
      sweep.setShown(false);
    };
  }, [sweep]);
  const view = useSweepView((v) => v);
  const steps = useLabView((v) => v.settings.steps);
  const mainLambda = useLabView((v) => v.settings.lambda);
  const mainSnapshot = useLabView((v) => (v.steps.length > 0 ? v.snapshots.at(-1) : undefined));
  const points = useMemo(() => frontierPoints(view.runs, view.points), [view.runs, view.points]);
  const status = useStatus(view, steps);
  const refused = view.phase === 'refused';
  return (
    <div ref={root} className="frontier">
      {/* Not a live region: it changes with every chunk, which a screen reader would read out each time. */}
      <p className="frontier-status">{status}</p>
      {!refused && (
        <>
          <label className="frontier-seeds">
            {t('frontier.seeds')}{' '}
            <select
              value={view.seedCount}
              onChange={(e) => sweep.setSeedCount(Number(e.target.value) as SeedCount)}
            >
              {SEED_COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <div className="frontier-body">
            <ChartFigure
              title={t('frontier.title')}
              dataPoints={view.points.length}
              empty={points.length > 0 ? null : t('frontier.empty')}
              note={`${t('frontier.note')}${view.seedCount > 1 ? ` ${t('frontier.spreadNote')}` : ''}`}
            >
              <FrontierChart
                points={points}
                seeds={view.seedCount}
                mainLambda={mainLambda}
                mainRun={mainSnapshot ?? null}
                onChoose={(lambda) => lab.setSetting('lambda', lambda)}
              />
            </ChartFigure>
            {points.length > 0 && (
              <FrontierTable points={points} seeds={view.seedCount} step={view.points.at(-1)?.step ?? 0} />
            )}
          </div>
        </>
      )}
    </div>
  );
}
