import type { pitfalls as en } from '../en/pitfalls';

/** 陷阱实验与 eval / no_grad 对照表。 */
export const pitfalls: Record<keyof typeof en, string> = {
  'pitfalls.title': '陷阱实验：故意把训练步骤弄错',
  'pitfalls.intro':
    '每个开关都会把一个常见错误注入正在进行的训练。引擎会真实地计算它：先观察症状，再阅读诊断。',
  'pitfalls.symptom': '症状',
  'pitfalls.diagnosis': '诊断',
  'pitfalls.waiting': '训练一步即可看到症状。',
  'pitfalls.gradNorm': 'model_old 的梯度范数',

  'pitfalls.noDeepcopy.label': '1. model_old = model（没有深拷贝）',
  'pitfalls.noDeepcopy.symptom': 'kl_penalty = {kl}，并且一直为零（在 float32 舍入误差范围内）。',
  'pitfalls.noDeepcopy.diagnosis':
    '两个名字指向同一个网络，所谓“参考模型”永远与模型一致；model_old.eval() 甚至把模型本身也切换到了 eval 模式。',

  'pitfalls.oldTrainMode.label': '2. model_old 处于 train 模式',
  'pitfalls.oldTrainMode.symptom':
    'model_old 的 running_mean[0]：预训练后为 {from}，现在为 {now}；kl_penalty = {kl}。',
  'pitfalls.oldTrainMode.diagnosis':
    '它的 dropout 每次调用都会重新采样掩码，目标因此变成噪声；它的 BatchNorm 统计量也会漂向新数据：冻结的参考不再冻结。',

  'pitfalls.noNoGrad.label': '3. model_old 外面没有 torch.no_grad()',
  'pitfalls.noNoGrad.symptom': '‖∇ model_old‖ = {norm}（上一次报告时为 {previous}）。',
  'pitfalls.noNoGrad.diagnosis':
    'backward() 也会填充 model_old 的 .grad，而优化器从不清零它们，于是不断累积：浪费计算和内存，一旦这些参数被更新就会出错。',

  'pitfalls.meanReduction.label': "4. 用 reduction='mean' 代替 'batchmean'",
  'pitfalls.meanReduction.symptom':
    'kl_penalty = {kl}：还被 {classes} 个类别再除了一次，所以 λ = {lambda} 的效果相当于 {effective}。',
  'pitfalls.meanReduction.diagnosis':
    "'mean' 对所有元素（批大小 × 类别数）取平均；每个样本的 KL 应当用 'batchmean'。",

  'pitfalls.probsAsInput.label': '5. 把概率当作 input 传入（用 softmax 代替 log_softmax）',
  'pitfalls.probsAsInput.symptom': 'kl_penalty = {kl}。',
  'pitfalls.probsAsInput.negative': '它是负数：真正的散度不可能为负。',
  'pitfalls.probsAsInput.diagnosis':
    'F.kl_div 的 input 应当是对数概率；传入概率时，结果不再是 KL 散度，它的梯度也会把模型往错误的方向拉。',

  'pitfalls.modelEval.label': '6. 在 eval 模式下微调模型',
  'pitfalls.modelEval.symptom': 'model 的 running_mean[0] = {mean}，保持不变；不会采样 dropout 掩码。',
  'pitfalls.modelEval.diagnosis':
    'eval 模式下 BatchNorm 用运行统计量做归一化（且从不更新），dropout 关闭，于是模型以不同于预训练时的网络形态在训练。',

  'grid.title': 'model.eval() 与 torch.no_grad() 的实测对照',
  'grid.intro':
    'model_old 的一个临时副本在当前批次上逐一尝试每种组合。模式决定各层如何工作；no_grad 只决定是否记录梯度。',
  'grid.caption': '当前批次上的 model_old：模式 × no_grad',
  'grid.mode': '模式',
  'grid.noGradOn': '在 torch.no_grad() 中',
  'grid.noGradOff': '不在 torch.no_grad() 中',
  'grid.random': '输出是否随机（两次前向不同）：{answer}',
  'grid.stats': '运行统计量是否变化：{answer}',
  'grid.grads': '梯度是否到达参数：{answer}',
  'grid.gradsYes': '是，‖∇‖ = {norm}',
  'grid.yes': '是',
  'grid.no': '否',
  'grid.waiting': '先微调一步，才能测量这张表。',
};
