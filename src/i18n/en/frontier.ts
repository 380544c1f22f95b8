/** The frontier view: every λ trained at once, old task against new task, in English. */
export const frontier = {
  'frontier.title': 'Stability–plasticity frontier: old-task against new-task accuracy, one point per λ',
  'frontier.axis.newTask': 'new-task accuracy (%)',
  'frontier.axis.oldTask': 'old-task accuracy (%)',
  'frontier.points': 'λ of the sweep: choose one to load it into the lab’s run',
  'frontier.point': 'λ = {lambda}: old task {old}, new task {new}',
  'frontier.pointOverSeeds': 'λ = {lambda}: old task {old}, new task {new}, mean of {seeds} seeds',
  'frontier.thisRun': 'this run (λ = {lambda})',
  'frontier.seeds': 'Seeds per λ',
  'frontier.table.caption': 'Each λ at step {step}',
  'frontier.table.lambda': 'λ',
  'frontier.table.oldTask': 'old task',
  'frontier.table.newTask': 'new task',
  'frontier.status.idle': 'The sweep trains while this view is open and the lab is in sight.',
  'frontier.status.starting': 'Pretraining the sweep’s models ({runs} runs, one per λ and seed) …',
  'frontier.status.training':
    'Step {step} of {steps}: {runs} runs train at once ({backend}), in a worker of their own.',
  'frontier.status.finished': 'Done: {runs} runs, {steps} steps each.',
  'frontier.refused':
    'The frontier is not shown: a sweep trains without the pitfalls, and these are on: {settings}. Turn them off in the Pitfalls tab to see it.',
  'frontier.failed': 'The sweep stopped: {error}',
  'frontier.empty': 'The points appear once the sweep’s models are pretrained.',
  'frontier.note':
    'Every λ is trained with the lab’s other settings; each line is the path its point took. Choose a point to load its λ into the lab’s run.',
  'frontier.spreadNote': 'Bars span the seeds’ results.',
};
