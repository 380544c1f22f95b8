import { useId } from 'react';
import type { MessageKey } from '../../i18n/catalogs';
import { type Translate, useT } from '../../i18n/I18n';
import { formatPercent, formatSignificant } from '../formatNumber';
import { useShownNumbers } from './ShownNumbers';

/** One labelled `<output>`: read by people at a glance and by tests through its label. */
export function Readout({
  label,
  value,
  className,
}: {
  label: MessageKey;
  value: string;
  className?: string;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className={className ? `readout ${className}` : 'readout'}>
      <label htmlFor={id}>{t(label)}</label>
      <output id={id} aria-live="off">
        {value}
      </output>
    </div>
  );
}

/** The readouts' precision: five significant digits. */
export const formatReadout = (v: number | undefined) => formatSignificant(v, 5);

/**
 * Below float32's resolution around the losses (~1e-7), a KL of ±1e-8 is rounding, not divergence:
 * the identical models of a fresh run give such values, sometimes negative.
 */
const FLOAT32_NOISE = 1e-6;

export function formatKl(v: number | undefined, t: Translate): string {
  if (v !== undefined && Math.abs(v) < FLOAT32_NOISE) return t('readout.klRounding');
  return formatReadout(v);
}

/** What the instrument is read by: both accuracies and the three terms of the loss. */
export function Readouts() {
  const t = useT();
  const { last, snapshot } = useShownNumbers();
  return (
    <section className="readouts" aria-label={t('lab.readouts')}>
      <Readout
        className="readout-old"
        label="readout.oldTaskAcc"
        value={formatPercent(snapshot?.oldTaskAcc)}
      />
      <Readout
        className="readout-new"
        label="readout.newTaskAcc"
        value={formatPercent(snapshot?.newTaskAcc)}
      />
      <Readout label="readout.klPenalty" value={formatKl(last?.klPenalty, t)} />
      <Readout label="readout.lossNew" value={formatReadout(last?.lossNew)} />
      <Readout label="readout.totalLoss" value={formatReadout(last?.totalLoss)} />
    </section>
  );
}
