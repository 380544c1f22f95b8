import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18n';

/** A lessons matrix's header row: an empty corner, one column per class, then any `extra` columns. */
export function MatrixHeader({ classes, extra }: { classes: number; extra?: ReactNode }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <td />
        {Array.from({ length: classes }, (_, c) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are classes, fixed by position
          <th key={c} scope="col">
            {t('lessons.class', { n: c + 1 })}
          </th>
        ))}
        {extra}
      </tr>
    </thead>
  );
}
