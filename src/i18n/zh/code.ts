import type { code as en } from '../en/code';

/** 实时代码面板与术语联动。 */
export const code: Record<keyof typeof en, string> = {
  'code.title': '逐行读训练步骤',
  'code.intro':
    '下面是实验里每一步所对应的 PyTorch 代码，按当前设置写出：改动设置，代码随之改变。每行下方说明它在这次运行中做了什么。把鼠标移到某一行或让它获得焦点（方向键可在行间移动），公式里对应的项和损失图里对应的曲线会一起高亮。',
  'code.listLabel': 'PyTorch 写的训练步骤',

  'code.note.gap': '',
  'code.note.pending': '执行第一步后显示数值。',

  'code.note.importTorch': 'PyTorch 本身，用到其中的 `torch.no_grad()`。',
  'code.note.importNn': '模块类，用来识别 `BatchNorm1d` 层。',
  'code.note.importF': '无状态的函数：`cross_entropy`、`softmax`、`log_softmax` 和 `kl_div`。',
  'code.note.lambda': 'λ = {lambda}，KL 项的权重，每一步之前从滑块读取。取 0 时就是普通微调。',
  'code.note.def':
    '在新任务的一个批次上做一次优化：`x` 的形状是 [{batch}, {features}]（每个输入 {features} 个特征），`y` 是 [{batch}]（{classes} 个类别的标签）。',
  'code.note.defReplay':
    '`x_old_train` 是旧任务的训练输入，每个 {features} 个特征：KL 就在从中抽出的一批输入上计算。',
  'code.note.modelTrain':
    'model 以 train 模式训练：Dropout（p = {p}）随机把部分隐藏单元置零，BatchNorm 用本批次的统计量归一化，并更新 `running_mean` 和 `running_var`。',
  'code.note.modelEval':
    'model 以 eval 模式训练：Dropout 关闭，BatchNorm 用已存的运行统计量归一化，这些统计量不再变化。梯度照常计算：`eval()` 不等于 `no_grad()`。',
  'code.note.freezeBatchNorm':
    '只把 BatchNorm 层切回 eval 模式：它们保留旧任务上的运行统计量，Dropout 仍然生效。',
  'code.note.freezeBatchNormNoop':
    '把 BatchNorm 层设为 eval 模式，但这里不起作用：整个 model 已经处于 eval 模式。',
  'code.note.modelOldEval':
    '`model_old` 处于 eval 模式，是一个固定的参照：没有 Dropout，BatchNorm 的运行统计量也不会变。',
  'code.note.modelOldTrain':
    '`model_old` 处于 train 模式：Dropout 让参照带上噪声，每次前向传播都会把它的 BatchNorm 运行统计量拉向新数据，参照因此漂移。',
  'code.note.zeroGrad': '清掉上一步的梯度：`backward()` 会累加到 `.grad` 上，而不是覆盖。',
  'code.note.forward':
    '前向传播，并记录下来供 `backward()` 使用：`x` [{batch}, {features}] 变成 `logits` [{batch}, {classes}]，每个类别一个分数。',
  'code.note.lossNew': '新标签上的平均交叉熵：衡量模型对新任务拟合得如何。',
  'code.note.lossNewValue': '当前 loss_new = {value}。',
  'code.note.noGrad': '这个代码块里的运算都不会被记录，因此梯度传不到 `model_old`。',
  'code.note.teacherForward':
    '同一批数据送进冻结的副本：得到 `logits_old` [{batch}, {classes}]，在这一步里是常量。',
  'code.note.replayBatch':
    '随机（有放回地）抽取 {batch} 个旧任务输入，与新批次一样多：`x_replay` [{batch}, {features}]。不需要它们的标签：KL 比较的是两个模型，而不是模型与真实标签。',
  'code.note.teacherForwardReplay':
    '把回放的旧任务批次送进冻结的副本：得到 `logits_old` [{batch}, {classes}]，在这一步里是常量。',
  'code.note.teacherRecordedReplay':
    '把回放的旧任务批次送进副本，但没有 `no_grad()`，这次前向传播也被记录：`backward()` 会填充 `model_old` 的 `.grad`，而且始终没有人清零。',
  'code.note.replayForward':
    '模型在回放输入上再做一次前向传播，并被记录：`logits_replay` [{batch}, {classes}]。交叉熵仍用新批次的 logits，KL 用这里的。',
  'code.note.teacherRecorded':
    '同一批数据送进副本，但没有 `no_grad()`，这次前向传播也被记录：`backward()` 会填充 `model_old` 的 `.grad`，而且始终没有人清零。',
  'code.note.shareModelOld':
    '这里的 `model_old` 就是 model 本身（`model_old = model`，没有深拷贝），参照每一步都跟着变，惩罚项一直接近 0。',
  'code.note.probsAsInput':
    '这是个错误：`kl_div` 把第一个参数当作对数概率，这里传入的概率被当成了对数，结果不再是 KL 散度（甚至可能为负）。',
  'code.note.probsOld': '`probs_old` [{batch}, {classes}]：旧模型给出的类别概率，每行之和为 1。',
  'code.note.logProbsOld':
    '`log_probs_old` [{batch}, {classes}]：旧模型的对数概率（都不大于 0），一次调用，数值稳定。',
  'code.note.probsNew':
    '`probs_new` [{batch}, {classes}]：当前模型的类别概率，仍在计算图中，所以梯度会经由 `kl_div` 的 target 传回。',
  'code.note.logProbsNew':
    '`log_probs_new` [{batch}, {classes}]：当前模型的对数概率，仍在计算图中，梯度由此传回。',
  'code.note.klOldNew':
    '计算 KL(model_old ‖ model)：`kl_div` 把第一个参数当作近似分布的对数概率，把第二个参数当作参照分布。',
  'code.note.klNewOld':
    '计算 KL(model ‖ model_old)，即原文公式所写的方向：两个参数互换角色，当前模型的分布成了参照。',
  'code.note.klOnReplay':
    '在回放的旧任务输入上计算，而 `loss_new` 仍在新批次上：惩罚项让模型在旧任务所在的区域贴近 `model_old`。',
  'code.note.logTarget': '`log_target=True` 表示参照分布也以对数概率传入。',
  'code.note.reduction.batchmean': '`batchmean` 对整个批次求和后除以样本数 {batch}：得到每个样本的 KL。',
  'code.note.reduction.sum': '`sum` 把 {batch} 个样本全部加起来，所以惩罚项以及 λ 的作用都会随批大小增大。',
  'code.note.reduction.mean':
    '`mean` 除以全部 {elements} 个元素（{batch} × {classes}），得到的是每样本 KL 除以 {classes}，并不是 KL 本身。',
  'code.note.klValue': '当前 kl_penalty = {value}。',
  'code.note.totalLoss': '优化器要最小化的损失。',
  'code.note.totalValue': '当前 total_loss = {lossNew} + {lambda} × {klPenalty} = {value}。',
  'code.note.backward': '为 model 的参数填好 `.grad`；由于 `no_grad()`，`model_old` 没有梯度。',
  'code.note.step.adam': '用学习率 {lr} 做一次 Adam 更新。',
  'code.note.step.sgd': '用学习率 {lr} 做一次 SGD 更新（动量 0.9）。',
  'code.note.return': '读数和损失图显示的就是这三个数。',

  'code.formula.hint':
    '把鼠标移到某一项上或让它获得焦点，就能在代码和损失图中找到它；点击或轻触可让高亮保持。',
  'code.formula.equals': '等于',
  'code.formula.plus': '加',
  'code.term.totalLoss': 'L total，总损失：代码中的 total_loss',
  'code.term.lossNew': 'L CE，新任务上的交叉熵：代码中的 loss_new',
  'code.term.lambdaKl': 'lambda 乘以 KL 项：代码中的 kl_lambda * kl_penalty',
  'code.term.klPenalty': 'KL 散度的期望：代码中的 kl_penalty',
};
