/**
 * The interactive lessons below the article, in English. `backticks` mark code and `{name}` marks a
 * slot or a parameter (see components/article/Rich.tsx).
 */
export const lessons = {
  'lessons.sample': 'sample {n}',
  'lessons.class': 'class {n}',
  'lessons.rowSum': 'row sum',
  'lessons.pending': 'Computing…',
  'lessons.engineFailed': 'The lessons’ engine could not compute this: {message}',
  'lessons.engineFailedSilently': 'The lessons’ engine did not start in this browser.',

  'lessons.softmax.title': 'Try it: softmax and log-softmax, row by row',
  'lessons.softmax.intro':
    'The table holds the article’s example logits: three samples, four classes. Change any of them. The page’s engine (TF.js in float32, in a worker of its own) recomputes `F.softmax(logits, dim=1)` and `F.log_softmax(logits, dim=1)` as you type.',
  'lessons.softmax.logitsCaption': 'logits (editable)',
  'lessons.softmax.logitLabel': 'logit row {row}, class {cls}',
  'lessons.softmax.reset': 'Restore the article’s logits',
  'lessons.softmax.incomplete':
    'Some cell does not hold a number yet; the results below belong to the last complete table.',
  'lessons.softmax.softmaxCaption': '`F.softmax(logits, dim=1)`',
  'lessons.softmax.logSoftmaxCaption': '`F.log_softmax(logits, dim=1)`',
  'lessons.softmax.observe':
    'Every softmax row adds up to 1, whatever the logits, because each row is divided by its own total. Adding one constant to all logits of a row changes nothing: only their differences count. Log-softmax is the same table in log space, each logit minus its row’s log-sum-exp, so within a row the gaps between log-probabilities equal the gaps between the logits.',

  'lessons.errata.title': 'Notes on the original article',
  'lessons.errata.intro':
    'Checked against PyTorch 1.13 and against this page’s engine. Numbers marked “printed in the article” are quoted only to show what is wrong with them; they are not results.',
  'lessons.errata.printedRow': '{sample}, printed in the article (wrong)',
  'lessons.errata.computedRow': '{sample}, computed',
  'lessons.errata.softmaxCaption':
    'Softmax of the article’s logits: the printed rows against the computed ones',
  'lessons.errata.logSoftmaxCaption':
    'Log-softmax of the article’s logits: the printed rows against the computed ones',
  'lessons.errata.expSum': 'sum of exp(row)',
  'lessons.errata.sums':
    'The article prints the row sums as `tensor([1.0000, 1.0000, 1.0000])`, yet its second and third printed softmax rows add up to {second} and {third}. Its first row does sum to 1 but still differs from the true values in the second or third decimal place. Its log-softmax rows are, up to rounding, the logarithms of its softmax rows, so they carry the same errors (the probabilities behind them add up to the sums in the last column). The computed rows agree with PyTorch’s own output for these logits.',
  'lessons.errata.othersTitle': 'Other slips',
  'lessons.errata.direction.title': 'KL direction.',
  'lessons.errata.direction.text':
    'The formula writes {klNewOld}, the current model first. But `F.kl_div(log_softmax(new), softmax(old))` weights the log-ratio by its `target`, the old model, so the code computes {klOldNew}. KL is not symmetric: these are two different penalties (the explorer below shows both values).',
  'lessons.errata.lambda.title': 'No λ in the formula.',
  'lessons.errata.lambda.text':
    'The formula adds the KL term with weight 1, while the code multiplies it by `kl_lambda`. With the weight, and in the direction the code computes, the objective reads {objective}',
  'lessons.errata.tab.title': 'A tab among spaces.',
  'lessons.errata.tab.text':
    'In the function body, the `model.train()` line is indented with a tab and its neighbours with four spaces. Python reads the tab as reaching column 8, so the next line, at column 4, matches no enclosing indentation level. Python compiles the whole file before running any of it, so it stops with `IndentationError: unindent does not match any outer indentation level` and the function, as printed, never runs.',
  'lessons.errata.epoch.title': 'Not an epoch.',
  'lessons.errata.epoch.text':
    'Despite its name, `train_epoch_kl_reg` makes one forward pass, one `backward()` and one `optimizer.step()` on the batch it is given: a single optimisation step. An epoch would loop over every batch of the training set.',
  'lessons.errata.klNewOldLabel': 'KL of pi theta, the current model, against pi theta zero, the old model',
  'lessons.errata.klOldNewLabel': 'KL of pi theta zero, the old model, against pi theta, the current model',
  'lessons.errata.objectiveLabel':
    'L total equals L fine-tune plus lambda times the expected value, over inputs x, of the KL divergence of pi theta zero given x against pi theta given x.',

  'lessons.stability.title': 'Why `log_softmax` and not `log(softmax)`',
  'lessons.stability.intro':
    'Multiply the logits of the first lesson by a scale s. A larger s pulls them further apart, as the logits of a very confident model are. Softmax then gives the unlikely classes probabilities too small for float32; they are stored as exactly 0, and the logarithm of 0 is −∞.',
  'lessons.stability.scale': 'scale s (multiplies every logit)',
  'lessons.stability.naiveCaption': 'naive `torch.log(F.softmax(s · logits, dim=1))`',
  'lessons.stability.stableCaption': '`F.log_softmax(s · logits, dim=1)`',
  'lessons.stability.infinite':
    '{count} of the naive entries are −∞ at this scale; every `log_softmax` entry is finite.',
  'lessons.stability.overflow':
    'Some scaled logits no longer fit in float32 at all, so even `log_softmax` cannot help: {naive} naive and {stable} `log_softmax` entries are not finite.',
  'lessons.stability.finite':
    'At this scale every entry is finite both ways. Slide s up until the naive table shows −∞.',
  'lessons.stability.trick':
    '`F.log_softmax` never forms the tiny probability. It first subtracts the row’s largest logit m and computes {formula}. Every exponent is then at most 0 and one of them is exactly 0, so the sum lies between 1 and the number of classes and its logarithm is finite: an unlikely class simply gets a large negative number. Shortly before a naive entry becomes −∞ it is already inaccurate, because float32 keeps only a few significant bits of numbers that small. One −∞ among the log-probabilities makes the KL term infinite or NaN, and with it every gradient.',
  'lessons.stability.formulaLabel': 'z i minus m minus the log of the sum over j of e to the, z j minus m',

  'lessons.kl.title': 'Explore `F.kl_div`',
  'lessons.kl.intro':
    'P is the reference distribution and goes in as `target`; Q is the distribution behind `input`, which `kl_div` expects as log-probabilities. Type any non-negative weights: each row is divided by its own sum on the fly, so it need not add up to 1. Each row is one sample of a small batch.',
  'lessons.kl.pCaption': 'P, the target (weights, editable)',
  'lessons.kl.qCaption': 'Q, behind the input (weights, editable)',
  'lessons.kl.weightLabel': '{name} sample {row}, class {cls}',
  'lessons.kl.copyPToQ': 'Set Q equal to P',
  'lessons.kl.resetExample': 'Restore the example',
  'lessons.kl.invalid':
    'Every weight must be a number of at least 0, and every row needs a positive sum; the values below belong to the last valid weights.',
  'lessons.kl.useLive':
    'Use the live lab’s batch instead: its first sample, `model_old` as P and the model as Q',
  'lessons.kl.liveUnavailable': 'Available once the lab has taken a fine-tuning step.',
  'lessons.kl.liveInUse':
    'Showing the first sample of the lab’s latest batch; it follows the training while the lab plays.',
  'lessons.kl.batchSize': 'batch size B',
  'lessons.kl.classes': 'classes C',
  'lessons.kl.normalisedCaption': 'P and Q after normalising each row',
  'lessons.kl.pRow': 'P, {sample}',
  'lessons.kl.qRow': 'Q, {sample}',
  'lessons.kl.argumentsTitle': 'What each call receives',
  'lessons.kl.argumentsCaption': 'The arguments of `F.kl_div`, with and without `log_target`',
  'lessons.kl.inputRow': '`input` = log Q (both calls), {sample}',
  'lessons.kl.targetRow': '`target` = P (`log_target=False`), {sample}',
  'lessons.kl.logTargetRow': '`target` = log P (`log_target=True`), {sample}',
  'lessons.kl.logTarget':
    'With `log_target=True` the target arrives as log P instead of P, and `kl_div` works with exp(target) where it needs the probability. The two calls therefore return the same value, as the two columns of the reductions table below show. Passing log-probabilities never forms P itself, which matters when P would underflow.',
  'lessons.kl.logTargetZero':
    'P has a zero here. With `log_target=False` that term is 0, because 0 · log 0 counts as 0. With `log_target=True` the target is −∞ and exp(−∞) · (−∞ − log q) is not defined, so the term is NaN, in PyTorch 1.13 just as here.',
  'lessons.kl.noneCaption': "`reduction='none'`: the terms p · (log p − log q)",
  'lessons.kl.perSample': 'row sum: KL of the sample',
  'lessons.kl.reductionsCaption': '`F.kl_div(log Q, P)` under each reduction',
  'lessons.kl.reductionColumn': 'reduction',
  'lessons.kl.probabilityTargetColumn': '`log_target=False`',
  'lessons.kl.logTargetColumn': '`log_target=True`',
  'lessons.kl.noneRow': 'the table above',
  'lessons.kl.reductions':
    '`sum` adds all B × C = {elements} terms. `batchmean` divides that sum by the batch size B = {batch}: the average KL per sample, the quantity in the objective. `mean` divides by the number of elements instead, B × C, so it always equals `batchmean` / C, here `batchmean` / {classes}. That is the per-sample KL divided by the number of classes, not a KL divergence.',

  'lessons.direction.title': 'Which way round',
  'lessons.direction.pq': 'KL(P ‖ Q) = F.kl_div(log Q, P), batchmean',
  'lessons.direction.qp': 'KL(Q ‖ P) = F.kl_div(log P, Q), batchmean',
  'lessons.direction.differ':
    'Swapping the arguments changes the value: each direction averages the log-ratio under a different distribution. Both are 0 exactly when P = Q (try “Set Q equal to P”).',
  'lessons.direction.liveTitle': 'On the lab’s whole batch',
  'lessons.direction.liveIntro': 'The lab’s latest batch of {size} samples, `batchmean`, both ways round:',
  'lessons.direction.liveOldNew': 'live batch: KL(model_old ‖ model), what the code computes',
  'lessons.direction.liveNewOld': 'live batch: KL(model ‖ model_old), what the formula writes',
  'lessons.direction.liveMissing':
    'Once the lab has taken a fine-tuning step, its batch’s KL in both directions appears here.',
  'lessons.direction.forward.title': 'Forward, KL(P ‖ Q): mass-covering.',
  'lessons.direction.forward.text':
    'The log-ratio is averaged where P has mass. Wherever P is large and Q tiny the term explodes, so the Q that minimises it spreads out to cover every region P uses, even at the price of mass between them.',
  'lessons.direction.reverse.title': 'Reverse, KL(Q ‖ P): mode-seeking.',
  'lessons.direction.reverse.text':
    'The log-ratio is averaged where Q has mass. Q pays dearly for mass where P is close to 0 and nothing for leaving part of P uncovered, so the Q that minimises it settles on one mode.',
  'lessons.direction.inLab':
    'In the lab P is `model_old` and Q the model being fine-tuned. The code’s KL(model_old ‖ model) asks the model to keep probability wherever the old model had it; the formula’s KL(model ‖ model_old) only punishes probability where the old model had almost none. The lab’s “KL direction” setting, among its controls, trains with either one.',
  'lessons.direction.pictureLabel':
    'Two panels, each with the same two-peaked distribution P. Left: the single-peaked Q that minimises KL(P ‖ Q), a wide curve spanning both peaks. Right: the single-peaked Q that minimises KL(Q ‖ P), a narrow curve sitting on one peak.',
  'lessons.direction.pictureForward': 'KL(P ‖ Q): Q covers both',
  'lessons.direction.pictureReverse': 'KL(Q ‖ P): Q picks one',
  'lessons.direction.pictureP': 'P',
  'lessons.direction.pictureQ': 'Q',
} as const;
