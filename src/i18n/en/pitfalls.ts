/** The pitfall lab and the eval-versus-no_grad grid, in English. */
export const pitfalls = {
  'pitfalls.title': 'Pitfall lab: break the step on purpose',
  'pitfalls.intro':
    'Each switch injects a classic mistake into the live run. The engine really computes it; watch the symptom, then read the diagnosis.',
  'pitfalls.symptom': 'Symptom',
  'pitfalls.diagnosis': 'Diagnosis',
  'pitfalls.waiting': 'Take a step to see the symptom.',
  'pitfalls.gradNorm': 'model_old gradient norm',

  'pitfalls.noDeepcopy.label': '1. model_old = model (no deep copy)',
  'pitfalls.noDeepcopy.symptom': 'kl_penalty = {kl}, and it stays at zero (up to float32 rounding).',
  'pitfalls.noDeepcopy.diagnosis':
    'Both names point at one network, so the “reference” always agrees with the model; model_old.eval() even switches the model itself to eval mode.',

  'pitfalls.oldTrainMode.label': '2. model_old left in train mode',
  'pitfalls.oldTrainMode.symptom':
    'model_old running_mean[0]: {from} after pretraining, {now} now; kl_penalty = {kl}.',
  'pitfalls.oldTrainMode.diagnosis':
    'Its dropout draws a new mask on every call, so the target is noise, and its BatchNorm statistics drift to the new data: the frozen reference is no longer frozen.',

  'pitfalls.noNoGrad.label': '3. no torch.no_grad() around model_old',
  'pitfalls.noNoGrad.symptom': '‖∇ model_old‖ = {norm} (it was {previous} one report ago).',
  'pitfalls.noNoGrad.diagnosis':
    'backward() also fills model_old’s .grad, and since its optimizer never zeroes them they pile up: wasted compute and memory, and a trap if those parameters were ever stepped.',

  'pitfalls.meanReduction.label': "4. reduction='mean' instead of 'batchmean'",
  'pitfalls.meanReduction.symptom':
    'kl_penalty = {kl}: divided by the {classes} classes too, so λ = {lambda} acts like {effective}.',
  'pitfalls.meanReduction.diagnosis':
    "'mean' averages over every element (batch × classes); the per-sample KL is 'batchmean'.",

  'pitfalls.probsAsInput.label': '5. probabilities passed as input (softmax instead of log_softmax)',
  'pitfalls.probsAsInput.symptom': 'kl_penalty = {kl}.',
  'pitfalls.probsAsInput.negative': 'It is negative: no divergence can be.',
  'pitfalls.probsAsInput.diagnosis':
    'F.kl_div expects log-probabilities as input; with probabilities the value is no KL divergence and its gradient pulls the wrong way.',

  'pitfalls.modelEval.label': '6. the model fine-tuned in eval mode',
  'pitfalls.modelEval.symptom': 'model running_mean[0] = {mean}, fixed; no dropout mask is drawn.',
  'pitfalls.modelEval.diagnosis':
    'In eval mode BatchNorm normalises with its running statistics (and never updates them) and dropout is off, so the model trains as a different network from the one it was pretrained as.',

  'grid.title': 'model.eval() versus torch.no_grad(), measured',
  'grid.intro':
    'A throwaway copy of model_old runs on the live batch in each combination. The mode changes what the layers do; no_grad only decides whether gradients are recorded.',
  'grid.caption': 'model_old on the live batch: mode × no_grad',
  'grid.mode': 'mode',
  'grid.noGradOn': 'with torch.no_grad()',
  'grid.noGradOff': 'without torch.no_grad()',
  'grid.random': 'output random (two forwards differ): {answer}',
  'grid.stats': 'running statistics move: {answer}',
  'grid.grads': 'gradients reach the parameters: {answer}',
  'grid.gradsYes': 'yes, ‖∇‖ = {norm}',
  'grid.yes': 'yes',
  'grid.no': 'no',
  'grid.waiting': 'Take a fine-tuning step to measure the grid.',
} as const;
