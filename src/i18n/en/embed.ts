/** The Embed dialog: snippets a course author pastes into a page, in English. */
export const embed = {
  'embed.button': 'Embed',
  'embed.heading': 'Embed the lab in a course page',
  'embed.intro':
    'Each snippet opens the lab with its settings as they are now (only those changed from the defaults). The backend is left out: each reader’s browser picks its own fastest.',
  'embed.options': 'Options',
  'embed.autoplay': 'Start playing by itself',
  'embed.height': 'Frame height (px)',
  'embed.iframe': 'HTML iframe',
  'embed.iframeHint':
    'Needs no script on your page: Canvas, Moodle, JupyterLab, any HTML page. In Markdown and MkDocs, paste it with a blank line before and after.',
  'embed.component': 'Web component',
  'embed.componentHint':
    'For pages that run scripts. The attributes are the lab’s settings, with hide, lock and autoplay.',
  'embed.myst': 'Jupyter Book (MyST)',
  'embed.mystHint':
    'A raw HTML block, for Jupyter Book and Sphinx with MyST. MyST’s iframe directive draws a frame of fixed proportions, too short for the lab.',
  'embed.copy': 'Copy',
  'embed.copied': 'Copied.',
  'embed.copyFailed': 'The browser did not allow copying. The text is selected: press Ctrl+C (⌘C on a Mac).',
  'embed.close': 'Close',
} as const;
