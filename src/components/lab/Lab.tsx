import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/I18n';
import { AccuracyChart } from '../charts';
import { BackendNote } from './BackendNote';
import { LabTabs } from './LabTabs';
import { Notices } from './Notices';
import { Readouts } from './Readouts';
import { RunButtons } from './RunButtons';
import { SettingControl } from './SettingControl';
import { ShownNumbers } from './ShownNumbers';
import { UnknownSettingsNotice } from './UnknownSettingsNotice';
import { usePoliteCompute } from './usePoliteCompute';

/**
 * The instrument panel: run buttons, λ, the readouts, what happened, and the accuracy of both
 * tasks, seen together on any screen; everything else is one tab away.
 */
export function Lab() {
  const t = useT();
  const panel = useRef<HTMLElement>(null);
  const pausedOutOfSight = usePoliteCompute(panel);
  useEffect(() => {
    // A link to #lab opened before the panel existed: bring the panel into view and focus once it does.
    const focusPanel = () => {
      if (window.location.hash !== '#lab') return;
      panel.current?.scrollIntoView({ block: 'start' });
      panel.current?.focus({ preventScroll: true });
    };
    focusPanel();
    window.addEventListener('hashchange', focusPanel);
    return () => window.removeEventListener('hashchange', focusPanel);
  }, []);
  return (
    <section id="lab" ref={panel} className="lab" aria-labelledby="lab-heading" tabIndex={-1}>
      <div className="lab-title">
        <h2 id="lab-heading">{t('lab.heading')}</h2>
        <BackendNote />
      </div>
      <ShownNumbers>
        <RunButtons />
        <SettingControl name="lambda" />
        <Readouts />
        <Notices pausedOutOfSight={pausedOutOfSight} />
        <UnknownSettingsNotice />
      </ShownNumbers>
      <AccuracyChart />
      <LabTabs />
    </section>
  );
}
