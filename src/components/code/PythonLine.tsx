import { memo } from 'react';

/** Token kinds of the small Python subset the panel shows; each has a colour in code.css. */
export type TokenKind = 'keyword' | 'constant' | 'string' | 'number' | 'comment' | 'function' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set([
  'and',
  'as',
  'def',
  'else',
  'for',
  'from',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'not',
  'or',
  'return',
  'with',
]);
const CONSTANTS = new Set(['True', 'False', 'None']);

// One alternative per kind, tried left to right at each position; anything else is one plain character.
const TOKEN =
  /(#.*)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(\b\d+(?:\.\d*)?(?:e[+-]?\d+)?\b)|([A-Za-z_]\w*)/gy;

/** Splits one line of Python into coloured tokens. Enough for the code this panel writes itself. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const previous = tokens.at(-1);
    if (previous?.kind === kind && kind === 'plain') previous.text += text;
    else tokens.push({ kind, text });
  };
  let at = 0;
  while (at < line.length) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(line);
    if (!match) {
      push('plain', line[at]);
      at += 1;
      continue;
    }
    const [text, comment, string, number, name] = match;
    if (comment !== undefined) push('comment', text);
    else if (string !== undefined) push('string', text);
    else if (number !== undefined) push('number', text);
    else if (name !== undefined) {
      const rest = line.slice(at + text.length);
      if (KEYWORDS.has(name)) push('keyword', text);
      else if (CONSTANTS.has(name)) push('constant', text);
      // A name followed by `(` is being called (or, after `def`, defined).
      else if (/^\s*\(/.test(rest)) push('function', text);
      else push('plain', text);
    }
    at += text.length;
  }
  return tokens;
}

/**
 * One line of Python with its tokens coloured; the text itself stays selectable and copyable.
 * Memoised: the notes beside it change every step, the code only when a setting does.
 */
export const PythonLine = memo(function PythonLine({ code }: { code: string }) {
  return (
    <code className="code-text">
      {tokenize(code).map((token, i) =>
        token.kind === 'plain' ? (
          token.text
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity beyond their position
          <span key={i} className={`tok-${token.kind}`}>
            {token.text}
          </span>
        ),
      )}
    </code>
  );
});
