/** Which compute backend runs and why, in English. */
export const backend = {
  'backend.software': '{name} (software renderer)',
  'backend.reason.forced': 'Running on {name} because it was chosen.',
  'backend.reason.fallback': 'Running on {name} because a preferred backend failed to start.',
  'backend.reason.last-resort':
    'Running on {name}, TF.js’s slow reference backend, because no faster backend starts in this browser.',
  'backend.measured.compared': 'Running on {name}, the fastest here: {rate} steps/s, against {others}.',
  'backend.measured.comparedSoftware':
    'Running on {name}, the fastest here: {rate} steps/s, against {others}; this browser has only a software renderer for {software}.',
  'backend.measured.alone': 'Running on {name} at {rate} steps/s, the only fast backend that starts here.',
  'backend.measured.aloneSoftware':
    'Running on {name} at {rate} steps/s, the fastest here: this browser has only a software renderer for {software}.',
  'backend.rateOn': '{rate} on {name}',
  'backend.unavailable': 'not available in this browser',
  'backend.failure': '{name} failed: {message}',
  'backend.none': 'No backend runs: the training engine could not start.',
  'backend.mainThread':
    'It trains on the page’s main thread, because this page may not start a worker; the page may pause while it trains.',
} as const;
