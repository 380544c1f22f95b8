import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18n';
import { formatDecimals } from '../formatNumber';
import { ScrollBox } from './ScrollBox';

export interface MatrixRow {
  /** The row's header: which sample, and where the numbers come from. */
  label: ReactNode;
  values: readonly number[];
  /** A value for the last column, e.g. the row's sum. */
  extra?: number;
  /** Marks quoted (wrong) rows apart from computed ones. */
  tone?: 'quoted';
}

export interface MatrixTableProps {
  caption: ReactNode;
  rows: readonly MatrixRow[];
  /** Header of the last column, when rows carry an `extra` value. */
  extraHeader?: ReactNode;
}

/** A read-only table of numbers: one row per sample, one column per class. */
export function MatrixTable({ caption, rows, extraHeader }: MatrixTableProps) {
  const t = useT();
  const classes = rows[0]?.values.length ?? 0;
  return (
    <ScrollBox>
      <table className="lessons__matrix">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {Array.from({ length: classes }, (_, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are classes, fixed by position
              <th key={c} scope="col">
                {t('lessons.class', { n: c + 1 })}
              </th>
            ))}
            {extraHeader !== undefined && <th scope="col">{extraHeader}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are samples, fixed by position
            <tr key={r} className={row.tone === 'quoted' ? 'lessons__quoted' : undefined}>
              <th scope="row">{row.label}</th>
              {row.values.map((v, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are classes, fixed by position
                <td key={c}>{formatDecimals(v)}</td>
              ))}
              {extraHeader !== undefined && (
                <td className="lessons__extra">{row.extra === undefined ? '' : formatDecimals(row.extra)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
