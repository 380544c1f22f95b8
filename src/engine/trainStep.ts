import * as tf from '@tensorflow/tfjs-core';
import { backward } from './autograd';
import * as F from './functional';
import { BatchNorm1d } from './nn/batchnorm';
import type { Module } from './nn/module';
import type { Optimizer } from './optim/optimizer';

export type Mode = 'train' | 'eval';
/** Which divergence the penalty is: the article's code computes KL(old ‖ new); its formula writes KL(new ‖ old). */
export type KLDirection = 'old||new' | 'new||old';

export interface KLRegOptions {
  lambda: number;
  reduction?: Exclude<F.Reduction, 'none'>;
  logTarget?: boolean;
  direction?: KLDirection;
  modelMode?: Mode;
  modelOldMode?: Mode;
  /**
   * Keep the model's BatchNorm layers in eval mode while it trains (the usual remedy when their
   * running statistics would drift to the new data). Not in the article; default false.
   */
  freezeBatchNorm?: boolean;
  /**
   * Run model_old under `torch.no_grad()` (default). False reproduces the classic mistake: its
   * forward is recorded too, and gradients pile up in model_old's `.grad`, which nothing zeroes.
   */
  teacherNoGrad?: boolean;
  /** The classic mistake of passing probabilities where F.kl_div expects log-probabilities. */
  probsAsInput?: boolean;
  /**
   * The inputs the KL is measured on, the x of 𝔼_{x∼D}: the fine-tuning batch itself when absent
   * (the article's choice), or e.g. replayed old-task inputs. The cross entropy stays on `x`.
   */
  klBatch?: tf.Tensor;
}

/** The options of a step that set its modes. */
export type StepModes = Pick<KLRegOptions, 'modelMode' | 'modelOldMode' | 'freezeBatchNorm'>;

/** Scalars of one step; the caller owns (and disposes) them. */
export interface StepLosses {
  lossNew: tf.Scalar;
  klPenalty: tf.Scalar;
  totalLoss: tf.Scalar;
}

export function setMode(module: Module, mode: Mode): void {
  if (mode === 'train') module.train();
  else module.eval();
}

/** `[m for m in model.modules() if isinstance(m, nn.BatchNorm1d)]` */
export function batchNormLayers(module: Module): BatchNorm1d[] {
  const own = module instanceof BatchNorm1d ? [module] : [];
  return [...own, ...module.namedChildren().flatMap(([, child]) => batchNormLayers(child))];
}

/**
 * The modes a step runs in (the article's defaults: model train, model_old eval), with the model's
 * BatchNorm layers in eval mode when `freezeBatchNorm`.
 */
export function setStepModes(
  model: Module,
  modelOld: Module,
  { modelMode = 'train', modelOldMode = 'eval', freezeBatchNorm = false }: KLRegOptions | StepModes,
): void {
  setMode(model, modelMode);
  if (freezeBatchNorm) for (const layer of batchNormLayers(model)) layer.eval();
  setMode(modelOld, modelOldMode);
}

/**
 * One optimisation step of `loss = CE + λ·KL`, the article's `train_epoch_kl_reg` (which, despite
 * its name, takes a single step). Defaults are the article's: model in train mode, model_old in eval
 * mode, `F.kl_div(log_softmax(new), softmax(old), reduction='batchmean', log_target=False)`.
 */
export function trainStep(
  model: Module,
  modelOld: Module,
  x: tf.Tensor,
  y: tf.Tensor,
  optimizer: Optimizer,
  options: KLRegOptions,
): StepLosses {
  const {
    lambda,
    reduction = 'batchmean',
    logTarget = false,
    direction = 'old||new',
    teacherNoGrad = true,
    probsAsInput = false,
    klBatch = x,
  } = options;
  setStepModes(model, modelOld, options);
  optimizer.zeroGrad();

  // `with torch.no_grad(): logits_old = model_old(x)`. TF.js has no no_grad: the old model runs
  // before, and outside, the recorded closure below, so no gradient can reach it.
  const logitsOldNoGrad = teacherNoGrad ? modelOld.forward(klBatch) : null;

  let lossNew: tf.Scalar | undefined;
  let klPenalty: tf.Scalar | undefined;
  let totalLoss: tf.Scalar | undefined;
  // model_old's parameters require grad in PyTorch as well: its .grad stays empty because no_grad
  // recorded nothing, not because nobody asked. Asking in both cases keeps that a measurement.
  const params = [...new Set([...model.parameters(), ...modelOld.parameters()])];
  try {
    totalLoss = backward(() => {
      const outputs = model.forward(x);
      lossNew = tf.keep(F.crossEntropy(outputs, y));
      // On the fine-tuning batch the model's outputs serve both terms; replayed inputs need a second forward.
      const outputsKL = klBatch === x ? outputs : model.forward(klBatch);
      const logitsOld = logitsOldNoGrad ?? modelOld.forward(klBatch);
      // F.kl_div(input, target) = KL(target ‖ exp(input)): the reference distribution is the target.
      const [reference, approx] = direction === 'old||new' ? [logitsOld, outputsKL] : [outputsKL, logitsOld];
      const input = probsAsInput ? F.softmax(approx) : F.logSoftmax(approx);
      const target = logTarget ? F.logSoftmax(reference) : F.softmax(reference);
      klPenalty = tf.keep(F.klDiv(input, target, { reduction, logTarget }) as tf.Scalar);
      return tf.add(lossNew, tf.mul(klPenalty, lambda));
    }, params);
    optimizer.step();
  } catch (error) {
    // A step that throws hands nothing to the caller, so it keeps nothing either.
    tf.dispose([lossNew, klPenalty, totalLoss]);
    throw error;
  } finally {
    logitsOldNoGrad?.dispose();
  }

  return { lossNew: lossNew as tf.Scalar, klPenalty: klPenalty as tf.Scalar, totalLoss };
}
