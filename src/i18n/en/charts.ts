/** The live charts: titles, axes, series names, notes and empty states, in English. */
export const charts = {
  'charts.axis.step': 'step',
  'charts.tooltip.step': 'step {step}',

  'charts.loss.title': 'Losses during fine-tuning',
  'charts.loss.axis': 'loss',
  'charts.loss.empty': 'No fine-tuning steps yet: the losses appear once fine-tuning starts.',
  'charts.series.lossNew': 'loss_new',
  'charts.series.klPenalty': 'kl_penalty',
  'charts.series.lambdaKl': 'λ·kl_penalty',
  'charts.series.totalLoss': 'total loss',

  'charts.accuracy.title': 'Accuracy on the old and the new task',
  'charts.accuracy.axis': 'accuracy (%)',
  'charts.accuracy.oldTask': 'old task',
  'charts.accuracy.newTask': 'new task',
  'charts.accuracy.pretrained': 'after pretraining: {value}',
  'charts.accuracy.clearGhosts': 'Clear earlier runs',
  'charts.ghost.imported': 'from a file',
  'charts.accuracy.empty': 'The accuracies appear once pretraining is done.',

  'charts.batchNorm.title': 'BatchNorm running statistics (first layer, channels 0–2)',
  'charts.batchNorm.mean': 'running_mean',
  'charts.batchNorm.var': 'running_var',
  'charts.batchNorm.model': 'model ch {channel}',
  'charts.batchNorm.modelOld': 'model_old ch {channel}',
  'charts.batchNorm.keyModel': 'model (solid)',
  'charts.batchNorm.keyModelOld': 'model_old (dashed)',
  'charts.batchNorm.channel': 'channel {channel}',
  'charts.batchNorm.empty': 'The running statistics appear once pretraining is done.',
  'charts.batchNorm.oldEval':
    'model_old is in eval mode: its dashed lines stay flat, because its running statistics are frozen.',
  'charts.batchNorm.oldTrain':
    'model_old is in train mode: every forward pass pulls its running statistics toward the new data, so its dashed lines move and the reference is no longer frozen.',
  'charts.batchNorm.modelFrozen':
    'BatchNorm is frozen in the model, so its own statistics (solid lines) stay fixed too.',
  'charts.batchNorm.modelEval':
    'The model trains in eval mode, so its own statistics (solid lines) stay fixed too.',

  'charts.boundaries.title': 'Decision regions: model_old and model',
  'charts.boundaries.empty': 'The decision regions appear once pretraining is done.',
  'charts.boundaries.modelOld': 'model_old (reference)',
  'charts.boundaries.model': 'model (fine-tuned)',
  'charts.boundaries.modelOldAria':
    'Decision regions of model_old over the plane, coloured by class, with the old-task and new-task training points',
  'charts.boundaries.modelAria':
    'Decision regions of the fine-tuned model over the plane, coloured by class, with the old-task and new-task training points',
  'charts.boundaries.oldPoints': 'old-task point',
  'charts.boundaries.newPoints': 'new-task point',
  'charts.boundaries.class': 'class {label}',
} as const;
