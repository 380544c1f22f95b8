/**
 * Tells the framing page how tall the lab's content is, so it can size the iframe to fit: in the
 * Host API's own `resize` event and in the two dialects course platforms already listen for.
 */
export function resizeMessages(height: number): object[] {
  return [
    { kllab: 1, type: 'resize', height },
    { context: 'iframe.resize', height },
    // Canvas (LTI) resizes its tool frames on this message.
    { subject: 'lti.frameResize', height },
  ];
}

/**
 * The content's height in whole CSS pixels, rounded up. The html element's box rather than its
 * scrollHeight, which never drops below the frame's own height: that way the frame can shrink too.
 * The body's scrollHeight covers content overflowing it.
 */
export function contentHeight(document: Document): number {
  const root = document.documentElement.getBoundingClientRect().height;
  const body = document.body?.scrollHeight ?? 0;
  return Math.ceil(Math.max(root, body));
}

/** Calls `send` with the height now and whenever it changes (never twice with the same height). */
export function watchHeight(document: Document, send: (height: number) => void): () => void {
  let sent = -1;
  const measure = () => {
    const height = contentHeight(document);
    if (height === sent) return;
    sent = height;
    send(height);
  };
  measure();
  const view = document.defaultView;
  if (!view || typeof view.ResizeObserver !== 'function') return () => {};
  const observer = new view.ResizeObserver(measure);
  observer.observe(document.documentElement);
  if (document.body) observer.observe(document.body);
  return () => observer.disconnect();
}
