import { useState } from 'react';
import {
  componentSnippet,
  type EmbedChoice,
  FRAME_HEIGHT,
  frameHeight,
  iframeSnippet,
  mystSnippet,
} from '../../embed/snippets';
import { useT } from '../../i18n/I18n';
import type { EmbedParams } from '../../state/embedParams';
import { useLabView } from '../../state/LabContext';
import { DialogButton, ModalDialog } from './DialogButton';
import { SnippetField } from './SnippetField';

/**
 * The Embed button and its dialog: snippets for a course page, built from the lab's settings as
 * they are now and from this page's own `hide`, `lock` and `autoplay`, so an author can try a
 * link on the full page and then copy it.
 */
export function EmbedButton({ page }: { page: EmbedParams }) {
  const t = useT();
  return (
    <DialogButton
      label={t('embed.button')}
      className="embed-button"
      dialog={(onClose) => <EmbedDialog page={page} onClose={onClose} />}
    />
  );
}

function EmbedDialog({ page, onClose }: { page: EmbedParams; onClose: () => void }) {
  const t = useT();
  const settings = useLabView((v) => v.settings);
  const [autoplay, setAutoplay] = useState(page.autoplay);
  const [height, setHeight] = useState(String(FRAME_HEIGHT.default));
  const choice: EmbedChoice = {
    labUrl: window.location.origin + window.location.pathname,
    settings,
    hidden: page.hidden,
    locked: page.locked,
    autoplay,
    height: frameHeight(height),
    title: t('frame.title'),
  };
  return (
    <ModalDialog
      heading={t('embed.heading')}
      closeLabel={t('embed.close')}
      className="embed-dialog"
      onClose={onClose}
    >
      <p className="embed-intro">{t('embed.intro')}</p>
      <fieldset className="embed-options">
        <legend className="visually-hidden">{t('embed.options')}</legend>
        <label className="setting setting-boolean">
          <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} />
          {t('embed.autoplay')}
        </label>
        <label className="setting embed-height">
          {t('embed.height')}
          <input
            type="number"
            min={FRAME_HEIGHT.min}
            max={FRAME_HEIGHT.max}
            step={10}
            value={height}
            onChange={(e) => setHeight(e.target.value)}
          />
        </label>
      </fieldset>
      <SnippetField label={t('embed.iframe')} hint={t('embed.iframeHint')} text={iframeSnippet(choice)} />
      <SnippetField
        label={t('embed.component')}
        hint={t('embed.componentHint')}
        text={componentSnippet(choice)}
      />
      <SnippetField label={t('embed.myst')} hint={t('embed.mystHint')} text={mystSnippet(choice)} />
    </ModalDialog>
  );
}
