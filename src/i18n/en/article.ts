/**
 * The explanatory text beside the lab, in English. `backticks` mark code and `{name}` marks an inline
 * formula (see components/article/Rich.tsx); `{name}` markers that are parameters are filled by `t`.
 */
export const article = {
  'article.label': 'How KL-regularized fine-tuning works',

  // Spoken forms of the small inline formulas.
  'article.math.pi': 'pi theta',
  'article.math.piOld': 'pi theta zero',
  'article.math.lambda': 'lambda',
  'article.math.klOldNew': 'KL of pi theta zero, the old model, against pi theta, the current model',
  'article.math.klNewOld': 'KL of pi theta, the current model, against pi theta zero, the old model',
  'article.math.inputs.finetune': 'from the fine-tuning data',
  'article.math.inputs.replay': 'replayed from the old task’s training data',
  'article.math.xFromFinetune': 'x drawn from D fine-tune, the fine-tuning data',
  'article.math.xFromOld': 'x drawn from D old, the old task’s inputs',

  'article.objective.title': 'The objective: learn the new task, stay near the old model',
  'article.objective.intro':
    'The model {pi} is fine-tuned on new data. Before that starts, a copy of it is frozen as `model_old`, written {piOld}; it keeps what the model knew about the old task. Each step minimises the cross entropy on the new labels plus a penalty for moving away from the frozen copy’s predictions (on which inputs is a choice, discussed below):',
  'article.objective.formulaLabel.oldNew':
    'L total equals L CE plus lambda times the expected value, over inputs x {inputs}, of the KL divergence of pi theta zero given x against pi theta given x.',
  'article.objective.formulaLabel.newOld':
    'L total equals L CE plus lambda times the expected value, over inputs x {inputs}, of the KL divergence of pi theta given x against pi theta zero given x.',
  'article.objective.lambda':
    'The weight {lambda} (now {value}) sets the trade-off. At 0 this is plain fine-tuning; larger values hold the predictions closer to `model_old`, which limits forgetting but slows learning of the new task. In code, the expectation is the average over the batch.',
  'article.objective.direction.oldNew':
    'Direction in use: {kl}, the frozen model first. This is what `F.kl_div(log_softmax(new), softmax(old))` computes, because `kl_div` treats its `target` as the reference distribution and its `input` as the log-probabilities of the approximation.',
  'article.objective.direction.newOld':
    'Direction in use: {kl}, the current model first, as the article’s formula writes it. With `F.kl_div` this needs the roles swapped, `F.kl_div(log_softmax(old), softmax(new))`, so the gradient also flows through the `target` argument.',
  'article.objective.inputs.title': 'Where the KL is measured',
  'article.objective.inputs.body':
    'The expectation runs over inputs x, and which inputs is a choice. The article takes the fine-tuning batch itself, {dFinetune}: the model has already run on it for the cross entropy, so the penalty costs little, but it holds the model near `model_old` only where the new data lives. Wherever the old task’s inputs differ from the new ones, nothing stops the model from drifting. The other classic choice replays old-task inputs, {dOld}: each step draws a second batch from the old task’s training inputs and runs both models on it, so the constraint holds where the old task lives. It costs one more forward pass per step and needs the old inputs at hand (not their labels). On the digits scenario, whose new task turns every digit, the new inputs look unlike the old ones and the difference is large: compare the old task’s accuracy under both.',
  'article.objective.inputs.live.finetune':
    'In use now: the fine-tuning batch, as in the article. To measure on replayed old-task inputs instead, set “{setting}” in the lab’s {tab} tab; the formula above and the code follow.',
  'article.objective.inputs.live.replay':
    'In use now: replayed old-task inputs. The formula above reads {dOld}, and the code draws `x_replay` from `x_old_train` and runs both models on it, while the cross entropy stays on the new batch.',
  'article.objective.notes.title': 'Where the source article disagrees with itself',
  'article.objective.notes.lambda':
    'Its formula puts no weight on the KL term, while its code multiplies the penalty by `kl_lambda`, the {lambda} above.',
  'article.objective.notes.direction':
    'Its formula writes {klNewOld}, but its code computes {klOldNew}. KL is not symmetric, so these are two different penalties; the lab lets you switch between them.',
  'article.objective.notes.step':
    'Its function `train_epoch_kl_reg` takes one optimisation step on one batch, not a pass over a whole epoch.',

  'article.kl.title': 'KL divergence',
  'article.kl.intro':
    'For two distributions P and Q over the same classes, the KL divergence of Q from the reference P is the P-weighted average of their log-ratio:',
  'article.kl.formulaLabel':
    'D KL of P against Q equals the sum over i of P of i times the log of P of i over Q of i, which is the sum over i of P of i times, log P of i minus log Q of i.',
  'article.kl.nonNegative':
    'It is never negative, and it is 0 exactly when P and Q are the same distribution.',
  'article.kl.asymmetric':
    'It is not symmetric: in general {asym}. So it is not a distance, and which model goes first matters.',
  'article.kl.asymmetricLabel': 'D KL of P against Q is not equal to D KL of Q against P',
  'article.kl.zero':
    'A class with {pZero} adds nothing, by the convention {zeroLog}. PyTorch keeps it (through `xlogy`); a plain `p * log(p)` would give NaN there.',
  'article.kl.zeroLabel': 'zero times log zero equals zero',
  'article.kl.pZeroLabel': 'P of i equals zero',
  'article.kl.klDiv':
    '`F.kl_div(input, target)` expects `input` as log-probabilities and `target` as probabilities, and returns the KL of the target against the distribution behind `input`. With `log_target=True` the target is passed as log-probabilities as well, which gives the same value. The lab now passes `log_target={logTarget}`.',
  'article.kl.reduction.intro':
    'Over a batch of B samples and C classes, the pointwise terms {term} (p from `target`, q from `input`) form a {size} table. The `reduction` argument turns that table into one number:',
  'article.kl.reduction.termLabel': 'l b i equals p b i times, log p b i minus log q b i',
  'article.kl.reduction.sizeLabel': 'B by C',
  'article.kl.reduction.batchmean':
    '`batchmean`: the sum divided by the batch size. This is the average KL per sample, the quantity in the objective, and what the article uses.',
  'article.kl.reduction.batchmeanLabel': 'one over B, times the sum over samples b and classes i of l b i',
  'article.kl.reduction.sum': '`sum`: everything added up, so the value grows with the batch size.',
  'article.kl.reduction.sumLabel': 'the sum over samples b and classes i of l b i',
  'article.kl.reduction.mean':
    '`mean`, PyTorch’s default: divided by the number of elements, B times C. That is the per-sample KL divided by the number of classes, not the KL divergence itself.',
  'article.kl.reduction.meanLabel': 'one over B times C, times the sum over samples b and classes i of l b i',
  'article.kl.reduction.inUse': '(in use)',

  'article.softmax.title': 'From logits to probabilities: softmax and log-softmax',
  'article.softmax.intro':
    'A classifier outputs logits {z}, one real score per class. Softmax exponentiates and normalises them into positive numbers that sum to 1; with `dim=1` it does so row by row, one distribution per sample:',
  'article.softmax.zLabel': 'z',
  'article.softmax.formulaLabel':
    'softmax of z, entry i, equals e to the z i, divided by the sum over j of e to the z j',
  'article.softmax.log':
    'Log-softmax is its logarithm, written so that the probability itself is never formed:',
  'article.softmax.logFormulaLabel':
    'log softmax of z, entry i, equals z i minus the log of the sum over j of e to the z j',
  'article.softmax.why':
    'Why not `log(softmax(z))`? In float32, a class whose logit lies far below the largest one gets a probability that underflows to exactly 0, and {logZero}; one such entry turns the KL term, and every gradient after it, into NaN or infinity. Log-softmax avoids this by subtracting the largest logit {m} first:',
  'article.softmax.mLabel': 'm',
  'article.softmax.logZeroLabel': 'log of zero is minus infinity',
  'article.softmax.lseLabel':
    'log of the sum over j of e to the z j equals m plus the log of the sum over j of e to the z j minus m, where m is the largest z j',
  'article.softmax.whyEnd':
    'Every exponent is then at most 0 and the sum at least 1, so the result stays finite: a very unlikely class simply gets a large negative number.',
  'article.softmax.inKl':
    'That is why the current model enters `F.kl_div` through `F.log_softmax` and not through the log of a softmax.',

  'article.modes.title': 'Train mode and eval mode',
  'article.modes.intro':
    '`model.train()` and `model.eval()` set the `training` flag on a module and on all of its sub-modules; a new module starts in train mode. Most layers ignore the flag, but Dropout and BatchNorm, both in this lab’s network, behave differently:',
  'article.modes.caption': 'What `model.train()` and `model.eval()` change',
  'article.modes.aspect': 'Aspect',
  'article.modes.trainColumn': '`model.train()`: training mode',
  'article.modes.evalColumn': '`model.eval()`: evaluation mode',
  'article.modes.current.model': '(current: `model`)',
  'article.modes.current.modelOld': '(current: `model_old`)',
  'article.modes.row.purpose': 'Used for',
  'article.modes.row.dropout': 'Dropout',
  'article.modes.row.batchNorm': 'BatchNorm',
  'article.modes.row.gradients': 'Gradients',
  'article.modes.train.purpose': 'Training: the steps that update the weights.',
  'article.modes.eval.purpose': 'Validation, testing and inference, and a frozen reference model.',
  'article.modes.train.dropout':
    'Active: each element is zeroed with probability p, with a new random mask on every forward pass; the kept ones are multiplied by {scale}, so the expected value is unchanged.',
  'article.modes.train.dropoutScaleLabel': 'one over, one minus p',
  'article.modes.eval.dropout': 'Off: the input passes through unchanged and every unit is used.',
  'article.modes.train.batchNorm':
    'Normalises each feature with the mean and variance of the current batch, and updates `running_mean` and `running_var` on every forward pass.',
  'article.modes.eval.batchNorm':
    'Normalises with the stored `running_mean` and `running_var` and updates nothing; a sample’s output no longer depends on the rest of its batch.',
  'article.modes.train.gradients':
    'Recorded as usual. The mode does not decide this; `torch.no_grad()` does.',
  'article.modes.eval.gradients':
    'Still recorded: eval mode does not switch gradients off; only `torch.no_grad()` does.',
  'article.modes.live.asArticle':
    'As in the article, `model` trains in train mode and `model_old` answers in eval mode.',
  'article.modes.live.modelEval':
    '`model` is in eval mode now: Dropout is off and BatchNorm normalises with its stored running statistics and leaves them unchanged. Gradients still flow, so the weights still learn.',
  'article.modes.live.oldTrain':
    '`model_old` is in train mode now: Dropout makes its reference predictions random, and its BatchNorm layers normalise with batch statistics and pull their running statistics toward the new data, even inside `torch.no_grad()`.',

  'article.noGrad.title': '`model.eval()` versus `torch.no_grad()`',
  'article.noGrad.intro':
    'The two are easily confused, yet they control different things, and neither implies the other:',
  'article.noGrad.eval':
    '`model.eval()` changes what layers compute (Dropout off, BatchNorm on running statistics). Autograd still records every operation.',
  'article.noGrad.noGrad':
    '`torch.no_grad()` stops autograd from recording inside its block: no graph and no gradients, which saves memory and time. Layers still follow their mode.',
  'article.noGrad.teacher':
    'The frozen teacher `model_old` needs both. Eval mode makes its predictions deterministic and keeps its BatchNorm statistics fixed; `no_grad` keeps the penalty’s gradient out of its parameters, so `backward()` leaves their `.grad` empty and only the current model is trained.',
  'article.noGrad.lab':
    'Here TF.js stands in for PyTorch. It has no `no_grad`, so the lab runs the teacher’s forward pass outside the function being differentiated and hands the optimizer the current model’s variables only.',
} as const;
