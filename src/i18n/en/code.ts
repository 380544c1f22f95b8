/**
 * The live code panel and the term linking, in English. `backticks` mark code (see
 * components/article/Rich.tsx); `{name}` markers are parameters filled by `t`.
 */
export const code = {
  'code.title': 'The training step, line by line',
  'code.intro':
    'This is the PyTorch that the lab’s step mirrors, written for the current settings: change a setting and the code changes with it. Under each line: what it does in this run. Point at or focus a line (arrow keys move between lines) to find its term in the formula and its curve in the loss chart.',
  'code.listLabel': 'The training step in PyTorch',

  // Joins the sentences of one note.
  'code.note.gap': ' ',
  'code.note.pending': 'Its value appears after the first step.',

  'code.note.importTorch': 'PyTorch itself, for `torch.no_grad()`.',
  'code.note.importNn': 'The module classes, to recognise the `BatchNorm1d` layers.',
  'code.note.importF': 'The stateless functions: `cross_entropy`, `softmax`, `log_softmax` and `kl_div`.',
  'code.note.lambda':
    'λ = {lambda}, the weight of the KL term, read from the slider before every step. At 0 this is plain fine-tuning.',
  'code.note.def':
    'One optimisation step on one batch of the new task: `x` is [{batch}, {features}] ({features} features per input), `y` is [{batch}] (labels of {classes} classes).',
  'code.note.defReplay':
    '`x_old_train` holds the old task’s training inputs, {features} features each: the KL is measured on a batch drawn from them.',
  'code.note.modelTrain':
    'The model trains in train mode: Dropout (p = {p}) zeroes random hidden units, and BatchNorm normalises with this batch’s statistics and updates its `running_mean` and `running_var`.',
  'code.note.modelEval':
    'The model trains in eval mode: Dropout is off and BatchNorm normalises with its stored running statistics, which no longer change. Gradients still flow: `eval()` is not `no_grad()`.',
  'code.note.freezeBatchNorm':
    'Puts only the BatchNorm layers back into eval mode: they keep their running statistics from the old task while Dropout stays active.',
  'code.note.freezeBatchNormNoop':
    'Puts the BatchNorm layers into eval mode, which changes nothing here: the whole model is already in eval mode.',
  'code.note.modelOldEval':
    '`model_old` is in eval mode, a fixed reference: no Dropout, and its BatchNorm running statistics never move.',
  'code.note.modelOldTrain':
    '`model_old` is in train mode: Dropout makes the reference noisy, and each forward pass pulls its BatchNorm running statistics toward the new data, so the reference drifts.',
  'code.note.zeroGrad':
    'Clears the gradients of the previous step: `backward()` adds to `.grad` instead of overwriting it.',
  'code.note.forward':
    'Forward pass, recorded for `backward()`: `x` [{batch}, {features}] becomes `logits` [{batch}, {classes}], one score per class.',
  'code.note.lossNew': 'Mean cross entropy of the new labels: how well the model fits the new task.',
  'code.note.lossNewValue': 'Now loss_new = {value}.',
  'code.note.noGrad':
    'Nothing in this block is recorded for `backward()`, so no gradient can reach `model_old`.',
  'code.note.teacherForward':
    'The same batch through the frozen copy: `logits_old` [{batch}, {classes}], a constant for this step.',
  'code.note.replayBatch':
    'Draws {batch} old-task inputs at random (with replacement), as many as the new batch: `x_replay` [{batch}, {features}]. Their labels are not needed: the KL compares the two models, not a model with the truth.',
  'code.note.teacherForwardReplay':
    'The replayed old-task batch through the frozen copy: `logits_old` [{batch}, {classes}], a constant for this step.',
  'code.note.teacherRecordedReplay':
    'The replayed old-task batch through the copy, but without `no_grad()` this forward is recorded too: `backward()` also fills `model_old`’s `.grad`, and nothing ever clears it.',
  'code.note.replayForward':
    'A second forward pass of the model, recorded, on the replayed inputs: `logits_replay` [{batch}, {classes}]. The cross entropy keeps the logits of the new batch; the KL uses these.',
  'code.note.teacherRecorded':
    'The same batch through the copy, but without `no_grad()` this forward is recorded too: `backward()` also fills `model_old`’s `.grad`, and nothing ever clears it.',
  'code.note.shareModelOld':
    'Here `model_old` is the model itself (`model_old = model`, no deep copy), so the reference moves with every step and the penalty stays near 0.',
  'code.note.probsAsInput':
    'The mistake: `kl_div` reads its first argument as log-probabilities, so these probabilities are taken for logs and the result is not a KL divergence (it can even go negative).',
  'code.note.probsOld':
    '`probs_old` [{batch}, {classes}]: the old model’s class probabilities; each row sums to 1.',
  'code.note.logProbsOld':
    '`log_probs_old` [{batch}, {classes}]: the old model’s log-probabilities (all at most 0), computed stably in one call.',
  'code.note.probsNew':
    '`probs_new` [{batch}, {classes}]: the model’s class probabilities, still in the graph, so the gradient flows through the target of `kl_div`.',
  'code.note.logProbsNew':
    '`log_probs_new` [{batch}, {classes}]: the model’s log-probabilities, still in the graph, so the gradient flows through them.',
  'code.note.klOldNew':
    'Computes KL(model_old ‖ model): `kl_div` reads its first argument as the log-probabilities of the approximation and its second as the reference distribution.',
  'code.note.klNewOld':
    'Computes KL(model ‖ model_old), the direction the article’s formula writes: the arguments swap roles, so the model’s distribution is the reference.',
  'code.note.klOnReplay':
    'Measured on the replayed old-task inputs while `loss_new` stays on the new batch: the penalty holds the model near `model_old` where the old task lives.',
  'code.note.logTarget': 'With `log_target=True` the reference is passed as log-probabilities too.',
  'code.note.reduction.batchmean':
    '`batchmean` sums over the batch and divides by its {batch} samples: the KL per sample.',
  'code.note.reduction.sum':
    '`sum` adds up all {batch} samples, so the penalty, and λ’s effect, grow with the batch size.',
  'code.note.reduction.mean':
    '`mean` divides by all {elements} elements ({batch} × {classes}): the KL per sample divided by {classes}, not the KL itself.',
  'code.note.klValue': 'Now kl_penalty = {value}.',
  'code.note.totalLoss': 'The loss the optimiser minimises.',
  'code.note.totalValue': 'Now total_loss = {lossNew} + {lambda} × {klPenalty} = {value}.',
  'code.note.backward':
    'Fills `.grad` of the model’s parameters; `model_old` gets none, thanks to `no_grad()`.',
  'code.note.step.adam': 'One Adam update with learning rate {lr}.',
  'code.note.step.sgd': 'One SGD update (momentum 0.9) with learning rate {lr}.',
  'code.note.return': 'The three numbers the readouts and the loss chart show.',

  // The objective formula's terms, as buttons that link to the code and the chart.
  'code.formula.hint':
    'Point at or focus a term to find it in the code and the loss chart; click or tap it to keep it highlighted.',
  'code.formula.equals': 'equals',
  'code.formula.plus': 'plus',
  'code.term.totalLoss': 'L total, the total loss: total_loss in the code',
  'code.term.lossNew': 'L CE, the cross entropy on the new task: loss_new in the code',
  'code.term.lambdaKl': 'lambda times the KL term: kl_lambda * kl_penalty in the code',
  'code.term.klPenalty': 'the expected KL divergence: kl_penalty in the code',
} as const;
