import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startHostApi } from './embed/hostApi';
import { linkEngine } from './state/engineLink';
import { LabProvider } from './state/LabContext';
import { withSettingsQuery } from './state/pageQuery';
import { queryFromState, stateFromQuery } from './state/schema';
import { LabStore } from './state/store';
import labWorkerUrl from './worker/labWorker.ts?worker&url';
import type { Command } from './worker/protocol';
import { EngineConnection } from './worker/workerStarter';
import './styles.css';

// The engine and TF.js live in the worker's own chunk, loaded after the first paint; where this page
// may not start that worker (a sandboxed frame, a strict policy), a Blob URL worker or the page runs it.
const engine = new EngineConnection({
  url: labWorkerUrl,
  onMainThread: async (port) => (await import('./worker/labEndpoint')).serveLab(port),
});
const loadedQuery = window.location.search;
const initial = stateFromQuery(loadedQuery);

/** Rewrites the address's settings, keeping its other parameters and its fragment (`#lab`). */
function replaceQuery(settingsQuery: string): void {
  const { pathname, search, hash } = window.location;
  const query = withSettingsQuery(search, settingsQuery);
  try {
    window.history.replaceState(null, '', `${query ? `?${query}` : pathname}${hash}`);
  } catch {
    // Some browsers (older Chromium) refuse a frame with an opaque origin (sandbox without
    // allow-same-origin) to rewrite its address; the lab works the same, its address just stays.
  }
}
const store = new LabStore(
  (command: Command) => engine.postMessage(command),
  initial,
  (state) => {
    // Every setting lives in the URL, so the address is always a link to this run.
    replaceQuery(queryFromState(state));
  },
);
linkEngine(store, engine);
// Normalise the address too: clamped link values are shown as they are used.
if (initial.corrections.length > 0) {
  replaceQuery(queryFromState(initial.state));
}
store.start();
startHostApi(store, loadedQuery);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LabProvider store={store}>
      <App />
    </LabProvider>
  </StrictMode>,
);
