import type { ReactNode } from 'react';
import type { Translate } from '../../i18n/I18n';
import { Rich } from '../article/Rich';
import { formatDecimals } from '../formatNumber';
import { MatrixHeader } from './MatrixHeader';
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

/** One row per sample, headed "Sample 1", "Sample 2", …, each with its `extras` value if given. */
export function sampleRows(
  t: Translate,
  matrix: readonly (readonly number[])[],
  extras?: readonly number[],
): MatrixRow[] {
  return matrix.map((values, i) => ({
    label: t('lessons.sample', { n: i + 1 }),
    values,
    extra: extras?.[i],
  }));
}

export interface MatrixTableProps {
  /** Catalog text, which may mark `code`. */
  caption: string;
  rows: readonly MatrixRow[];
  /** Header of the last column, when rows carry an `extra` value. */
  extraHeader?: ReactNode;
}

/** A read-only table of numbers: one row per sample, one column per class. */
export function MatrixTable({ caption, rows, extraHeader }: MatrixTableProps) {
  const classes = rows[0]?.values.length ?? 0;
  return (
    <ScrollBox>
      <table className="lessons__matrix">
        <caption>
          <Rich text={caption} />
        </caption>
        <MatrixHeader
          classes={classes}
          extra={extraHeader !== undefined && <th scope="col">{extraHeader}</th>}
        />
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
