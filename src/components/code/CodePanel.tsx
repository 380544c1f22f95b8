import { type CSSProperties, type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/I18n';
import { useHighlightSource, useIsHighlighted } from '../../state/highlight';
import { useLabView } from '../../state/LabContext';
import { Rich } from '../article/Rich';
import { PythonLine } from './PythonLine';
import { type CodeLine, stepLines } from './stepLines';
import './code.css';
import { READOUT_UPDATE_MS, selectLastStep, useThrottledLabView } from '../charts/useThrottledLabView';

const INDENT = '    ';

interface LineProps {
  line: CodeLine;
  /** The one line reachable with Tab (a roving tab stop); arrows move between lines. */
  tabbable: boolean;
  onFocusLine: (id: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  lineRef: (element: HTMLLIElement | null) => void;
}

function Line({ line, tabbable, onFocusLine, onKeyDown, lineRef }: LineProps) {
  const t = useT();
  const noteId = useId();
  const highlighted = useIsHighlighted(line.term);
  const { onFocus, ...source } = useHighlightSource(line.term);
  const code = INDENT.repeat(line.indent) + line.code;
  return (
    <li
      ref={lineRef}
      className="code-line"
      style={{ '--indent': line.indent } as CSSProperties}
      tabIndex={tabbable ? 0 : -1}
      aria-label={line.code}
      aria-describedby={noteId}
      aria-current={highlighted ? 'true' : undefined}
      data-term={line.term}
      onFocus={() => {
        onFocusLine(line.id);
        onFocus?.();
      }}
      onKeyDown={onKeyDown}
      {...source}
    >
      <PythonLine code={code} />
      <span id={noteId} className="code-note">
        {line.note.map((part, i) => (
          <span key={part.key}>
            {i > 0 && t('code.note.gap')}
            <Rich text={t(part.key, part.params)} />
          </span>
        ))}
      </span>
    </li>
  );
}

/** Keys that move focus within the code, and where to. */
function nextIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The training step as PyTorch, rewritten live from the settings, each line annotated with what it
 * does in the current run. Hovering or focusing a line highlights its term in the formula and its
 * series in the loss chart (state/highlight.tsx), and they highlight the line in return.
 */
export function CodePanel() {
  const t = useT();
  const titleId = useId();
  const settings = useLabView((view) => view.settings);
  const last = useThrottledLabView(selectLastStep, READOUT_UPDATE_MS);
  const lines = useMemo(() => stepLines(settings, last), [settings, last]);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLLIElement>());

  // The tab stop stays on the last focused line while that line exists.
  const tabStop = lines.some((line) => line.id === focusedId) ? focusedId : lines[0]?.id;
  // Wide enough for the longest line, so the notes column lines up when there is room for it.
  const columns = Math.max(...lines.map((line) => INDENT.length * line.indent + line.code.length));

  const moveFocus = (from: number) => (event: KeyboardEvent<HTMLLIElement>) => {
    const to = nextIndex(event.key, from, lines.length);
    if (to === null) return;
    event.preventDefault();
    elements.current.get(lines[to].id)?.focus();
  };

  return (
    <section className="code-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('code.title')}</h3>
      <p className="code-intro">{t('code.intro')}</p>
      <ol
        className="code-lines"
        aria-label={t('code.listLabel')}
        style={{ '--code-columns': `${columns}ch` } as CSSProperties}
      >
        {lines.map((line, index) => (
          <Line
            key={line.id}
            line={line}
            tabbable={line.id === tabStop}
            onFocusLine={setFocusedId}
            onKeyDown={moveFocus(index)}
            lineRef={(element) => {
              if (element) elements.current.set(line.id, element);
              else elements.current.delete(line.id);
            }}
          />
        ))}
      </ol>
    </section>
  );
}
