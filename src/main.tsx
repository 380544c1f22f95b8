import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startHostApi } from './embed/hostApi';
import { LabProvider } from './state/LabContext';
import { withSettingsQuery } from './state/pageQuery';
import { queryFromState, stateFromQuery } from './state/schema';
import { LabStore } from './state/store';
import type { Command, Report } from './worker/protocol';
import './styles.css';

// The engine and TF.js live in the worker's own chunk, loaded after the first paint.
const worker = new Worker(new URL('./worker/labWorker.ts', import.meta.url), { type: 'module' });
const loadedQuery = window.location.search;
const initial = stateFromQuery(loadedQuery);

/** Rewrites the address's settings, keeping its other parameters and its fragment (`#lab`). */
function replaceQuery(settingsQuery: string): void {
  const { pathname, search, hash } = window.location;
  const query = withSettingsQuery(search, settingsQuery);
  window.history.replaceState(null, '', `${query ? `?${query}` : pathname}${hash}`);
}
const store = new LabStore(
  (command: Command) => worker.postMessage(command),
  initial,
  (state) => {
    // Every setting lives in the URL, so the address is always a link to this run.
    replaceQuery(queryFromState(state));
  },
);
worker.onmessage = (event: MessageEvent<Report>) => store.receive(event.data);
worker.onerror = (event) =>
  store.receive({
    type: 'error',
    message: event.message || 'the worker failed to load',
    runId: store.getView().runId,
    answers: null,
  });
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
