import type { ReactNode } from 'react';
import { Rich } from '../article/Rich';

/** A lesson: a section named by its heading, whose catalog text may mark `code`. */
export function LessonSection({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={className ? `lessons__section ${className}` : 'lessons__section'}
      aria-labelledby={id}
    >
      <h2 id={id}>
        <Rich text={title} />
      </h2>
      {children}
    </section>
  );
}
