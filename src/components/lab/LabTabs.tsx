import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { BatchNormChart, DecisionBoundaries, DigitsView, LossChart } from '../charts';
import { CodePanel } from '../code';
import { Frontier } from '../frontier/Frontier';
import { ModesGrid, PitfallLab } from '../pitfalls';
import { BatchNormReadouts } from './BatchNormReadouts';
import { Controls } from './Controls';

interface Tab {
  id: string;
  label: MessageKey;
  render: () => ReactNode;
}

/** The digits have no plane to draw regions on: their tab shows the digits themselves. */
const DIGITS_TAB: Tab = { id: 'digits', label: 'tab.digits', render: () => <DigitsView /> };

/** Everything beyond the instrument panel, one tab each; only the open tab is rendered. */
const TABS: Tab[] = [
  {
    id: 'losses',
    label: 'tab.losses',
    render: () => (
      <>
        <LossChart />
        <CodePanel />
      </>
    ),
  },
  {
    id: 'batchnorm',
    label: 'tab.batchNorm',
    render: () => (
      <>
        <BatchNormReadouts />
        <BatchNormChart />
      </>
    ),
  },
  { id: 'regions', label: 'tab.regions', render: () => <DecisionBoundaries /> },
  { id: 'frontier', label: 'tab.frontier', render: () => <Frontier /> },
  { id: 'settings', label: 'tab.settings', render: () => <Controls /> },
  {
    id: 'pitfalls',
    label: 'tab.pitfalls',
    render: () => (
      <>
        <PitfallLab />
        <ModesGrid />
      </>
    ),
  },
];

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; Tab goes on into the open panel. */
export function LabTabs() {
  const t = useT();
  const base = useId();
  const [open, setOpen] = useState(0);
  const scenario = useLabView((v) => v.runSettings.scenario);
  const shown = scenario === 'digits' ? TABS.map((tab) => (tab.id === 'regions' ? DIGITS_TAB : tab)) : TABS;
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const select = (index: number) => {
    const next = (index + shown.length) % shown.length;
    setOpen(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: open + 1, ArrowLeft: open - 1, Home: 0, End: -1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    select(moves[e.key]);
  };
  const tab = shown[open];
  return (
    <div className="lab-tabs">
      <div
        role="tablist"
        aria-label={t('lab.views')}
        className="tab-list"
        onKeyDown={onKeyDown}
        tabIndex={-1}
      >
        {shown.map((item, i) => (
          <button
            key={item.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-${item.id}-tab`}
            aria-selected={i === open}
            aria-controls={`${base}-${item.id}-panel`}
            tabIndex={i === open ? 0 : -1}
            onClick={() => setOpen(i)}
          >
            {t(item.label)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-${tab.id}-panel`}
        aria-labelledby={`${base}-${tab.id}-tab`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the ARIA tabs pattern focuses the panel; it may scroll
        tabIndex={0}
        className="tab-panel"
      >
        {tab.render()}
      </div>
    </div>
  );
}
