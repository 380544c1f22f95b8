/**
 * The numbers in a table of typed cells, or null while any cell is not (yet) an acceptable number,
 * so that a half-typed "-" never reaches the engine.
 */
export function numbersFromCells(
  cells: readonly (readonly string[])[],
  acceptable: (x: number) => boolean = Number.isFinite,
): number[][] | null {
  const numbers = cells.map((row) => row.map((text) => (text.trim() === '' ? Number.NaN : Number(text))));
  return numbers.every((row) => row.every(acceptable)) ? numbers : null;
}

/** Text cells for a table of numbers, as an input shows them. */
export function cellsFromNumbers(numbers: readonly (readonly number[])[]): string[][] {
  return numbers.map((row) => row.map(String));
}
