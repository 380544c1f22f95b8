import { useId } from 'react';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabStore, useLabView } from '../../state/LabContext';
import { formatPercent } from '../formatNumber';
import { labelKey } from './SettingControl';
import { useShownNumbers } from './ShownNumbers';

/**
 * What the learner must know about the run, inside the panel where the eye is: pretraining, the end
 * of the run (and how to go on), divergence, a lost GPU, corrected link values, pending resets, a
 * run waiting while the lab is out of sight (polite compute: said mostly for screen readers, which
 * announce it when a learner reads on past the panel).
 * Step numbers are the readouts' own: the last step the page received.
 */
export function Notices() {
  const t = useT();
  const store = useLabStore();
  const progressId = useId();
  const corrections = useLabView((v) => v.corrections);
  const pending = useLabView((v) => v.pendingRestart);
  const phase = useLabView((v) => v.phase);
  const pretrain = useLabView((v) => v.pretrain);
  const { last, snapshot } = useShownNumbers();
  const step = last?.step ?? 0;
  const limit = useLabView((v) => v.settings.steps);
  const divergence = useLabView((v) => v.divergence);
  const recovery = useLabView((v) => v.recovery);
  const backend = useLabView((v) => v.backend?.name);
  const checkpointStep = useLabView((v) => v.checkpointStep);
  const rolledBack = useLabView((v) => v.rolledBack);
  const rollBackLr = useLabView(() => store.rollBackLr());
  const backendName = (name: string | null | undefined) => (name ? t(`option.${name}` as MessageKey) : '–');
  const error = useLabView((v) => v.error);
  const errorAbout = useLabView((v) => v.errorAbout);
  const loading = useLabView((v) => v.loading);
  const engineGaveUp = useLabView((v) => v.engineGaveUp);
  const pausedUnseen = useLabView((v) => v.pausedUnseen && v.phase === 'paused');
  const cannotStart = useLabView((v) => v.engineWay === 'none');
  return (
    <div className="notices" role="status">
      {(phase === 'starting' || phase === 'pretraining') && (
        <div className="notice pretrain">
          <label htmlFor={progressId}>{t(loading === 'digits' ? 'digits.loading' : 'pretrain.label')}</label>
          {/* Without a value while the data loads: how long a fetch takes is not known. */}
          {loading === 'digits' ? (
            <progress id={progressId} />
          ) : (
            <progress id={progressId} max={pretrain.total || 1} value={pretrain.done} />
          )}
        </div>
      )}
      {phase === 'paused' && step === 0 && pretrain.oldTaskAcc !== null && (
        <p className="notice">{t('pretrain.done', { acc: formatPercent(pretrain.oldTaskAcc) })}</p>
      )}
      {phase === 'finished' && (
        <div className="notice notice-done">
          <p>
            {t('notice.finished', {
              step,
              old: formatPercent(snapshot?.oldTaskAcc),
              new: formatPercent(snapshot?.newTaskAcc),
            })}
          </p>
          {store.canContinue() ? (
            <button type="button" onClick={() => store.continueRun()}>
              {t('button.continue', { steps: limit })}
            </button>
          ) : (
            <p>{t('notice.atMaximum')}</p>
          )}
        </div>
      )}
      {divergence && (
        <div className="notice notice-error">
          <p role="alert">
            {t('notice.diverged', { step: divergence.step, value: String(divergence.value) })}
          </p>
          {store.canRollBack() && (
            <button type="button" onClick={() => store.rollBack()}>
              {t('button.rollBack', { step: checkpointStep ?? 0, lr: String(rollBackLr) })}
            </button>
          )}
        </div>
      )}
      {rolledBack && (
        <p className="notice">
          {t('notice.rolledBack', { step: rolledBack.step, lr: String(rolledBack.lr) })}
        </p>
      )}
      {recovery && (
        <p className="notice notice-warning">
          {recovery.cause === 'crash'
            ? t('notice.crashed')
            : t('notice.deviceLost', { lost: backendName(recovery.lostBackend) })}{' '}
          {recovery.from === null
            ? t('notice.pretrainingAgain')
            : recovery.to === null
              ? t('notice.resuming')
              : t('notice.resumed', { backend: backendName(backend), from: recovery.from, to: recovery.to })}
        </p>
      )}
      {corrections.map((c) => (
        <p key={c.name} className="notice notice-warning">
          {t('notice.corrected', { name: c.name, given: c.given, used: c.used })}
        </p>
      ))}
      {pausedUnseen && <p className="notice">{t('notice.outOfSight')}</p>}
      {pending.length > 0 && (
        <p className="notice">
          {t('notice.restart', { names: pending.map((n) => t(labelKey(n))).join(', ') })}
        </p>
      )}
      {engineGaveUp !== null && (
        <p className="notice notice-error" role="alert">
          {t('notice.engineGaveUp', { count: engineGaveUp })}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {t(
            cannotStart
              ? 'notice.cannotStart'
              : errorAbout === 'digits'
                ? 'digits.loadFailed'
                : 'notice.error',
            {
              message: error,
            },
          )}
        </p>
      )}
    </div>
  );
}
