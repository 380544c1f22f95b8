import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18n';
import { MatrixHeader } from './MatrixHeader';

export interface EditableMatrixProps {
  caption: ReactNode;
  /** The typed text of each cell, kept as typed so "-" or "" can be on the way to a number. */
  cells: readonly (readonly string[])[];
  /** Each input's accessible name. */
  label: (row: number, column: number) => string;
  onChange: (row: number, column: number, text: string) => void;
  min?: number;
  step: number;
  disabled?: boolean;
}

/** A table of number inputs, one row per sample and one column per class. */
export function EditableMatrix({
  caption,
  cells,
  label,
  onChange,
  min,
  step,
  disabled,
}: EditableMatrixProps) {
  const t = useT();
  const classes = cells[0]?.length ?? 0;
  return (
    <div className="lessons__scroll">
      <table className="lessons__matrix lessons__matrix--editable">
        <caption>{caption}</caption>
        <MatrixHeader classes={classes} />
        <tbody>
          {cells.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are samples, fixed by position
            <tr key={r}>
              <th scope="row">{t('lessons.sample', { n: r + 1 })}</th>
              {row.map((text, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are classes, fixed by position
                <td key={c}>
                  <input
                    type="number"
                    value={text}
                    min={min}
                    step={step}
                    disabled={disabled}
                    aria-label={label(r, c)}
                    onChange={(e) => onChange(r, c, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
