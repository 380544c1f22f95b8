import { Fragment, type ReactNode } from 'react';

export interface RichProps {
  /** Catalog text: `backticks` mark code, `{name}` marks where a slot goes. */
  text: string;
  /** Elements (usually inline formulas) that replace `{name}` markers. */
  slots?: Readonly<Record<string, ReactNode>>;
}

const MARKUP = /`([^`]+)`|\{(\w+)\}/g;

/**
 * Catalog text with code and inline math. Keeps every word in the catalogs while letting a sentence
 * contain a `<code>` identifier or a formula, in whatever order the language needs.
 */
export function Rich({ text, slots = {} }: RichProps) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKUP)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    const [whole, code, slot] = match;
    if (code !== undefined) parts.push(<code key={at}>{code}</code>);
    else if (slot !== undefined && slot in slots) parts.push(<Fragment key={at}>{slots[slot]}</Fragment>);
    else parts.push(whole);
    last = at + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
