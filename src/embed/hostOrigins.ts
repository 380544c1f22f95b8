/**
 * Which host origins may command the lab and receive its events. The lab's URL lists them
 * (`origin=https://a.example,https://b.example`); without a list, only the framing page's own
 * origin is trusted. State is never posted to '*'.
 */

/** An origin as the browser writes it (`https://a.example`), or null for anything else. */
export function normalOrigin(text: string): string | null {
  try {
    const origin = new URL(text.trim()).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The origins named by the URL's `origin` parameters (comma-separated, may repeat). */
export function listedOrigins(search: string): string[] {
  const listed = new URLSearchParams(search)
    .getAll('origin')
    .flatMap((value) => value.split(','))
    .map(normalOrigin)
    .filter((origin): origin is string => origin !== null);
  return [...new Set(listed)];
}

/**
 * The origins allowed to send commands, and where events go. `parentOrigin` is the framing page's
 * origin as far as the browser tells it (location.ancestorOrigins, else document.referrer), or
 * null when unknown. When the parent is known and not allowed, no events go anywhere; when it is
 * unknown, events go to every listed origin (the browser delivers only to the one that matches).
 */
export function hostOrigins(
  search: string,
  parentOrigin: string | null,
): { allowed: string[]; targets: string[] } {
  const listed = listedOrigins(search);
  const allowed = listed.length > 0 ? listed : parentOrigin ? [parentOrigin] : [];
  if (parentOrigin) return { allowed, targets: allowed.includes(parentOrigin) ? [parentOrigin] : [] };
  return { allowed, targets: allowed };
}
