/** The live code-reading panel; filled in by its author. */
export function CodePanel() {
  return null;
}
