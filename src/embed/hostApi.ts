import type { LabStore } from '../state/store';
import { resizeMessages, watchHeight } from './autoHeight';
import { handleHostMessage, readyEvent } from './hostCommands';
import { watchForHost } from './hostEvents';
import { hostOrigins, normalOrigin } from './hostOrigins';

/** The framing page's origin as far as the browser says (Chromium and Safari: exactly). */
function parentOrigin(window: Window): string | null {
  const ancestor = window.location.ancestorOrigins?.[0];
  if (ancestor) return normalOrigin(ancestor);
  return window.document.referrer ? normalOrigin(window.document.referrer) : null;
}

/**
 * Host API v1 over postMessage (docs/EMBED.md): the framing page commands the lab and hears its
 * events. `search` is the query the page was loaded with (the store rewrites the address later).
 * Does nothing outside a frame, or when no host origin is allowed.
 */
export function startHostApi(store: LabStore, search: string, window: Window = globalThis.window): void {
  if (window.parent === window) return;
  const { allowed, targets } = hostOrigins(search, parentOrigin(window));
  if (allowed.length === 0) return;
  let sendTo = targets;
  const post = (message: object) => {
    for (const origin of sendTo) window.parent.postMessage(message, origin);
  };

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window.parent || !allowed.includes(event.origin)) return;
    // A command proves where the host is: from now on, events go there only.
    sendTo = [event.origin];
    const { reply, ready } = handleHostMessage(store, event.data);
    if (ready) post(ready);
    if (reply) post(reply);
  });
  post(readyEvent(store));
  watchForHost(store, post);
  watchHeight(window.document, (height) => {
    for (const message of resizeMessages(height)) post(message);
  });
}
