import type { charts as en } from '../en/charts';

/** 实时图表：标题、坐标轴、曲线名称、说明与空状态。 */
export const charts: Record<keyof typeof en, string> = {
  'charts.axis.step': '步数',
  'charts.tooltip.step': '第 {step} 步',

  'charts.loss.title': '微调过程中的损失',
  'charts.loss.axis': '损失',
  'charts.loss.empty': '还没有微调步骤：开始微调后，这里会显示损失曲线。',
  'charts.series.lossNew': 'loss_new',
  'charts.series.klPenalty': 'kl_penalty',
  'charts.series.lambdaKl': 'λ·kl_penalty',
  'charts.series.totalLoss': '总损失',

  'charts.accuracy.title': '旧任务与新任务上的准确率',
  'charts.accuracy.axis': '准确率（%）',
  'charts.accuracy.oldTask': '旧任务',
  'charts.accuracy.newTask': '新任务',
  'charts.accuracy.pretrained': '预训练后：{value}',
  'charts.accuracy.clearGhosts': '清除之前的运行',
  'charts.ghost.imported': '来自文件',
  'charts.accuracy.empty': '预训练完成后，这里会显示准确率。',

  'charts.batchNorm.title': 'BatchNorm 的运行统计量（第一层，通道 0–2）',
  'charts.batchNorm.mean': 'running_mean',
  'charts.batchNorm.var': 'running_var',
  'charts.batchNorm.model': 'model 通道 {channel}',
  'charts.batchNorm.modelOld': 'model_old 通道 {channel}',
  'charts.batchNorm.keyModel': 'model（实线）',
  'charts.batchNorm.keyModelOld': 'model_old（虚线）',
  'charts.batchNorm.channel': '通道 {channel}',
  'charts.batchNorm.empty': '预训练完成后，这里会显示运行统计量。',
  'charts.batchNorm.oldEval': 'model_old 处于 eval 模式：它的运行统计量被冻结，所以虚线保持水平。',
  'charts.batchNorm.oldTrain':
    'model_old 处于 train 模式：每次前向传播都会把它的运行统计量拉向新数据，所以虚线会移动，参照模型不再是冻结的。',
  'charts.batchNorm.modelFrozen': '模型的 BatchNorm 已冻结，所以模型自身的统计量（实线）也保持不变。',
  'charts.batchNorm.modelEval': '模型以 eval 模式训练，所以模型自身的统计量（实线）也保持不变。',

  'charts.boundaries.title': '决策区域：model_old 与 model',
  'charts.boundaries.empty': '预训练完成后，这里会显示决策区域。',
  'charts.boundaries.modelOld': 'model_old（参照）',
  'charts.boundaries.model': 'model（微调中）',
  'charts.boundaries.modelOldAria': 'model_old 在平面上的决策区域，按类别着色，并标出旧任务和新任务的训练点',
  'charts.boundaries.modelAria': '微调后的模型在平面上的决策区域，按类别着色，并标出旧任务和新任务的训练点',
  'charts.boundaries.oldPoints': '旧任务的点',
  'charts.boundaries.newPoints': '新任务的点',
  'charts.boundaries.class': '类别 {label}',
};
