import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n/I18n';

/** Lines a snippet takes at about 64 characters a line, so the field shows it whole without a scrollbar. */
function rowsFor(text: string): number {
  return text.split('\n').reduce((rows, line) => rows + Math.max(1, Math.ceil(line.length / 64)), 0);
}

/**
 * One snippet to paste: a read-only field with its name and a hint, and a Copy button. Where the
 * browser refuses the clipboard, the text is selected instead and the status line says what to press.
 */
export function SnippetField({ label, hint, text }: { label: string; hint: string; text: string }) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // The outcome belongs to the text that was copied: a changed snippet has not been copied yet.
  const [copied, setCopied] = useState<{ text: string; ok: boolean } | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ text, ok: true });
    } catch {
      field.current?.focus();
      field.current?.select();
      setCopied({ text, ok: false });
    }
  };
  const outcome = copied?.text === text ? copied : null;
  return (
    <div className="snippet">
      <label className="snippet-label" htmlFor={`${id}-field`}>
        {label}
      </label>
      <p id={`${id}-hint`} className="snippet-hint">
        {hint}
      </p>
      <textarea
        id={`${id}-field`}
        ref={field}
        readOnly
        spellCheck={false}
        rows={rowsFor(text)}
        value={text}
        aria-describedby={`${id}-hint`}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="snippet-actions">
        <button type="button" onClick={copy}>
          {t('embed.copy')}
          <span className="visually-hidden"> {label}</span>
        </button>
        <p role="status" className="snippet-status">
          {outcome ? t(outcome.ok ? 'embed.copied' : 'embed.copyFailed') : ''}
        </p>
      </div>
    </div>
  );
}
