/** Python source for the values a script holds: float32 numbers that load back bit for bit, and lists. */

/**
 * The shortest decimal that Python's float() and torch's float32 conversion turn back into exactly
 * this float32 (at most 9 significant digits always suffice).
 */
export function float32Text(value: number): string {
  const f = Math.fround(value);
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'float("nan")' : f > 0 ? 'float("inf")' : '-float("inf")';
  for (let digits = 1; digits < 9; digits++) {
    const text = f.toPrecision(digits);
    if (Math.fround(Number(text)) === f) return Number(text).toString();
  }
  return Number(f.toPrecision(9)).toString();
}

/** Nested lists in the shape of a row-major tensor: `[1, 2, 3, 4]` with shape [2, 2] is `[[1, 2], [3, 4]]`. */
export function nested(values: string[], shape: number[]): string {
  if (shape.length === 0) return values[0];
  if (shape.length === 1) return `[${values.join(', ')}]`;
  const [rows, ...inner] = shape;
  const size = values.length / rows;
  return `[${Array.from({ length: rows }, (_, r) => nested(values.slice(r * size, (r + 1) * size), inner)).join(', ')}]`;
}

/** A list whose items are wrapped onto indented lines of at most `width` characters. */
export function wrappedList(items: string[], indent: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const piece = `${item},`;
    if (line && indent.length + line.length + 1 + piece.length > width) {
      lines.push(indent + line);
      line = piece;
    } else {
      line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(indent + line);
  return `[\n${lines.join('\n')}\n${indent.slice(4)}]`;
}
