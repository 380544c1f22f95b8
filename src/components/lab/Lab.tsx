import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/I18n';
import type { EmbedParams } from '../../state/embedParams';
import { AccuracyChart } from '../charts';
import { BackendNote } from './BackendNote';
import { EmbedButton } from './EmbedButton';
import { ExportButton } from './ExportButton';
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
 * tasks, seen together on any screen; everything else is one tab away. `embedFrom` is the page's own
 * parameters, which the Embed dialog starts from; the embed view passes none and shows no Embed
 * button (the course page has already embedded the lab, and its frame has no room to spare).
 */
export function Lab({ embedFrom }: { embedFrom?: EmbedParams }) {
  const t = useT();
  const panel = useRef<HTMLElement>(null);
  usePoliteCompute(panel);
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
        <Notices />
        <UnknownSettingsNotice />
      </ShownNumbers>
      <AccuracyChart />
      {/* After the instrument, so that Play is the panel's first Tab stop; above the tabs, in view. */}
      <div className="lab-share">
        <ExportButton />
        {embedFrom && <EmbedButton page={embedFrom} />}
      </div>
      <LabTabs />
    </section>
  );
}
