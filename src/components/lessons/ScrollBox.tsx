import { type ReactNode, useRef } from 'react';
import { useOverflowing } from '../useOverflowing';

/** A wide table's box: scrolls sideways when the column is narrower, and then says so. */
export function ScrollBox({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const overflowing = useOverflowing(ref);
  return (
    <div
      ref={ref}
      className="lessons__scroll scroll-x"
      data-overflowing={overflowing}
      // A box that scrolls sideways must be reachable by keyboard.
      tabIndex={overflowing ? 0 : undefined}
    >
      {children}
    </div>
  );
}
