/** The interactive lessons (softmax worked example, errata, KL explorer); filled in by their author. */
export function Lessons() {
  return null;
}
