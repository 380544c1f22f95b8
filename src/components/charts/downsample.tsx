/**
 * At most `max` items, evenly spaced, always keeping the last one. The stride is a power of two, so
 * the kept items stay the same while a live series grows (the line does not shimmer every frame).
 */
export function downsample<T>(items: readonly T[], max: number): readonly T[] {
  const n = items.length;
  if (n <= max) return items;
  let stride = 1;
  while (Math.ceil((n - 1) / stride) + 1 > max) stride *= 2;
  const kept: T[] = [];
  for (let i = 0; i < n - 1; i += stride) kept.push(items[i]);
  kept.push(items[n - 1]);
  return kept;
}

/** The most points a chart plots: plenty for a few hundred pixels, cheap to redraw every frame. */
export const MAX_PLOTTED = 300;
