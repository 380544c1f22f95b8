import { type ReactNode, useId } from 'react';
import { formatDecimals } from '../formatNumber';

/** One named number, as an `<output>` its label names (for screen readers and tests alike). */
export function LabelledValue({
  label,
  value,
  digits,
}: {
  label: ReactNode;
  value: number;
  digits?: number;
}) {
  const id = useId();
  return (
    <div className="lessons__value">
      <label htmlFor={id}>{label}</label>
      <output id={id}>{formatDecimals(value, digits)}</output>
    </div>
  );
}
