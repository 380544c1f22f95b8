import type { article as en } from '../en/article';

/**
 * 实验旁的讲解文字（中文）。反引号标记代码，`{name}` 标记行内公式（见 components/article/Rich.tsx）；
 * 作为参数的 `{name}` 由 `t` 填入。
 */
export const article: Record<keyof typeof en, string> = {
  'article.label': 'KL 正则化微调是怎样工作的',

  // 行内小公式的朗读文本。
  'article.math.pi': 'π θ',
  'article.math.piOld': 'π θ 0',
  'article.math.lambda': 'λ',
  'article.math.klOldNew': '旧模型 π θ 0 相对当前模型 π θ 的 KL 散度',
  'article.math.klNewOld': '当前模型 π θ 相对旧模型 π θ 0 的 KL 散度',
  'article.math.inputs.finetune': '微调数据',
  'article.math.inputs.replay': '回放的旧任务训练数据',
  'article.math.xFromFinetune': 'x 取自 D fine-tune，即微调数据',
  'article.math.xFromOld': 'x 取自 D old，即旧任务的输入',

  'article.objective.title': '目标函数：学会新任务，同时不离旧模型太远',
  'article.objective.intro':
    '模型 {pi} 要在新数据上继续训练。开始之前，先把它复制一份并冻结，称为 `model_old`，记作 {piOld}，它保存着模型对旧任务的认识。每一步要最小化的，是新标签上的交叉熵，再加上一项惩罚：当前模型的预测偏离冻结副本越远，惩罚越大（在哪些输入上比较两者是一个选择，见下文）。',
  'article.objective.formulaLabel.oldNew':
    'L total 等于 L CE 加上 λ 乘以：对{inputs}中的输入 x 取期望，π θ 0 在 x 下的分布相对 π θ 在 x 下的分布的 KL 散度。',
  'article.objective.formulaLabel.newOld':
    'L total 等于 L CE 加上 λ 乘以：对{inputs}中的输入 x 取期望，π θ 在 x 下的分布相对 π θ 0 在 x 下的分布的 KL 散度。',
  'article.objective.lambda':
    '权重 {lambda}（当前为 {value}）决定两者如何取舍。取 0 时就是普通微调；取值越大，预测就被拉得越靠近 `model_old`，遗忘更少，但新任务学得更慢。在代码里，这个期望就是对一个批次取平均。',
  'article.objective.direction.oldNew':
    '当前使用的方向：{kl}，冻结模型在前。`F.kl_div(log_softmax(new), softmax(old))` 算的正是它：`kl_div` 把 `target` 当作参照分布，把 `input` 当作近似分布的对数概率。',
  'article.objective.direction.newOld':
    '当前使用的方向：{kl}，当前模型在前，也就是原文公式的写法。用 `F.kl_div` 实现时两者要互换位置，即 `F.kl_div(log_softmax(old), softmax(new))`，于是梯度也会经由 `target` 这个参数回传。',
  'article.objective.inputs.title': 'KL 在哪些输入上计算',
  'article.objective.inputs.body':
    '期望要对输入 x 来求，而用哪些输入是可以选择的。原文直接用微调批次，即 {dFinetune}：模型为了算交叉熵已经在这批数据上跑过一遍，惩罚项几乎不添额外计算，但它只在新数据所在的区域把模型拉向 `model_old`；在旧任务的输入与新输入不同的地方，没有什么能阻止模型漂移。另一种经典做法是回放旧任务的输入，即 {dOld}：每一步再从旧任务的训练输入中抽一批，让两个模型都在上面运行，于是约束作用在旧任务所在的区域。代价是每步多一次前向传播，而且手头必须还留着旧任务的输入（不需要标签）。在手写数字场景中，新任务把每个数字都旋转了，新输入与旧输入看起来很不一样，两种做法的差别很大：不妨在两种设置下比较旧任务的准确率。',
  'article.objective.inputs.live.finetune':
    '当前使用：微调批次，与原文相同。若要改为在回放的旧任务输入上计算，请在实验的“{tab}”标签页中设置“{setting}”；上面的公式和代码会随之改变。',
  'article.objective.inputs.live.replay':
    '当前使用：回放的旧任务输入。上面的公式写作 {dOld}，代码从 `x_old_train` 中抽出 `x_replay`，让两个模型都在上面运行，而交叉熵仍然在新批次上计算。',
  'article.objective.notes.title': '原文自相矛盾之处',
  'article.objective.notes.lambda':
    '公式里 KL 项前面没有权重，代码里却把惩罚乘上了 `kl_lambda`，也就是上面的 {lambda}。',
  'article.objective.notes.direction':
    '公式写的是 {klNewOld}，代码算的却是 {klOldNew}。KL 不对称，这是两种不同的惩罚；可以在实验里切换方向比较。',
  'article.objective.notes.step':
    '函数 `train_epoch_kl_reg` 只在一个批次上做一次优化更新，并不是跑完整个 epoch。',

  'article.kl.title': 'KL 散度',
  'article.kl.intro':
    '设 P 和 Q 是同一组类别上的两个分布。以 P 为参照，Q 相对 P 的 KL 散度，就是两者对数比值按 P 加权的平均：',
  'article.kl.formulaLabel':
    'D KL 括号 P 与 Q 等于对 i 求和 P(i) 乘以 log P(i) 除以 Q(i)，也等于对 i 求和 P(i) 乘以 log P(i) 减 log Q(i)。',
  'article.kl.nonNegative': '它永远不小于 0，并且只有当 P 和 Q 是同一个分布时才等于 0。',
  'article.kl.asymmetric': '它不对称：一般来说 {asym}。所以它不是距离，两个模型谁放在前面是有区别的。',
  'article.kl.asymmetricLabel': 'P 相对 Q 的 KL 散度不等于 Q 相对 P 的 KL 散度',
  'article.kl.zero':
    '满足 {pZero} 的类别不贡献任何值，这来自约定 {zeroLog}。PyTorch 遵守这一约定（借助 `xlogy`）；如果直接写 `p * log(p)`，这里会得到 NaN。',
  'article.kl.zeroLabel': '0 乘 log 0 等于 0',
  'article.kl.pZeroLabel': 'P(i) 等于 0',
  'article.kl.klDiv':
    '`F.kl_div(input, target)` 要求 `input` 是对数概率、`target` 是概率，返回的是 target 相对 `input` 所代表分布的 KL 散度。设置 `log_target=True` 时，target 也以对数概率传入，结果不变。实验当前传入的是 `log_target={logTarget}`。',
  'article.kl.reduction.intro':
    '一个批次有 B 个样本、C 个类别，逐元素的项 {term}（p 来自 `target`，q 来自 `input`）组成一张 {size} 的表。参数 `reduction` 决定怎样把这张表变成一个数：',
  'article.kl.reduction.termLabel': 'l b i 等于 p b i 乘以 log p b i 减 log q b i',
  'article.kl.reduction.sizeLabel': 'B 乘 C',
  'article.kl.reduction.batchmean':
    '`batchmean`：总和除以批大小。得到的是每个样本的平均 KL，正是目标函数里的那个量，原文用的也是它。',
  'article.kl.reduction.batchmeanLabel': 'B 分之一乘以对所有样本 b 和类别 i 的 l b i 求和',
  'article.kl.reduction.sum': '`sum`：全部加起来，数值会随批大小增大。',
  'article.kl.reduction.sumLabel': '对所有样本 b 和类别 i 的 l b i 求和',
  'article.kl.reduction.mean':
    '`mean`（PyTorch 的默认值）：除以元素个数 B 乘 C。结果是每样本 KL 再除以类别数，并不是 KL 散度本身。',
  'article.kl.reduction.meanLabel': 'B 乘 C 分之一乘以对所有样本 b 和类别 i 的 l b i 求和',
  'article.kl.reduction.inUse': '（正在使用）',

  'article.softmax.title': '从 logits 到概率：softmax 与 log-softmax',
  'article.softmax.intro':
    '分类器输出的是 logits {z}，每个类别一个实数分数。softmax 先取指数再归一化，得到一组和为 1 的正数；指定 `dim=1` 时逐行计算，每个样本得到一个分布：',
  'article.softmax.zLabel': 'z',
  'article.softmax.formulaLabel': 'softmax(z) 的第 i 项等于 e 的 z i 次方，除以对 j 求和 e 的 z j 次方',
  'article.softmax.log': 'log-softmax 是它的对数，但写法上完全不需要先算出概率本身：',
  'article.softmax.logFormulaLabel': 'log_softmax(z) 的第 i 项等于 z i 减去 log 对 j 求和 e 的 z j 次方',
  'article.softmax.why':
    '为什么不直接算 `log(softmax(z))`？在 float32 下，如果某个类别的 logit 远小于最大的那个，它的概率会下溢成恰好 0，而 {logZero}；只要出现一个这样的元素，KL 项以及之后所有梯度都会变成 NaN 或无穷大。log-softmax 的做法是先减去最大的 logit {m}：',
  'article.softmax.mLabel': 'm',
  'article.softmax.logZeroLabel': 'log 0 等于负无穷',
  'article.softmax.lseLabel':
    'log 对 j 求和 e 的 z j 次方，等于 m 加 log 对 j 求和 e 的 z j 减 m 次方，其中 m 是 z j 的最大值',
  'article.softmax.whyEnd':
    '这样每个指数都不超过 0，求和结果至少为 1，最终值始终有限：一个极不可能的类别只会得到一个很大的负数。',
  'article.softmax.inKl':
    '正因如此，当前模型是经由 `F.log_softmax` 进入 `F.kl_div` 的，而不是先算 softmax 再取对数。',

  'article.modes.title': '训练模式与评估模式',
  'article.modes.intro':
    '`model.train()` 和 `model.eval()` 会设置模块及其全部子模块的 `training` 标志；新建的模块默认处于训练模式。大多数层并不看这个标志，但 Dropout 和 BatchNorm 会，而本实验的网络里两者都有：',
  'article.modes.caption': '`model.train()` 与 `model.eval()` 改变了什么',
  'article.modes.aspect': '方面',
  'article.modes.trainColumn': '`model.train()`：训练模式',
  'article.modes.evalColumn': '`model.eval()`：评估模式',
  'article.modes.current.model': '（当前：`model`）',
  'article.modes.current.modelOld': '（当前：`model_old`）',
  'article.modes.row.purpose': '用途',
  'article.modes.row.dropout': 'Dropout',
  'article.modes.row.batchNorm': 'BatchNorm',
  'article.modes.row.gradients': '梯度',
  'article.modes.train.purpose': '训练：那些要更新权重的步骤。',
  'article.modes.eval.purpose': '验证、测试和推理，以及充当冻结的参照模型。',
  'article.modes.train.dropout':
    '启用：每个元素以概率 p 被置零，每次前向传播都重新随机生成掩码；保留下来的元素乘以 {scale}，使期望值保持不变。',
  'article.modes.train.dropoutScaleLabel': '1 减 p 分之一',
  'article.modes.eval.dropout': '关闭：输入原样通过，所有单元都参与计算。',
  'article.modes.train.batchNorm':
    '用当前批次的均值和方差归一化每个特征，并在每次前向传播时更新 `running_mean` 和 `running_var`。',
  'article.modes.eval.batchNorm':
    '用保存下来的 `running_mean` 和 `running_var` 归一化，不更新任何统计量；一个样本的输出不再取决于同批次的其他样本。',
  'article.modes.train.gradients': '照常记录。这不由模式决定，而由 `torch.no_grad()` 决定。',
  'article.modes.eval.gradients': '仍然记录：评估模式不会关闭梯度，只有 `torch.no_grad()` 才会。',
  'article.modes.live.asArticle': '与原文一致：`model` 在训练模式下训练，`model_old` 在评估模式下给出参照。',
  'article.modes.live.modelEval':
    '`model` 当前处于评估模式：Dropout 关闭，BatchNorm 用已保存的运行统计量归一化且不再改动它们。梯度照样回传，所以权重仍在学习。',
  'article.modes.live.oldTrain':
    '`model_old` 当前处于训练模式：Dropout 让它的参照预测带上随机性，它的 BatchNorm 用批次统计量归一化，并把运行统计量拉向新数据，即使在 `torch.no_grad()` 里也是如此。',

  'article.noGrad.title': '`model.eval()` 与 `torch.no_grad()`',
  'article.noGrad.intro': '两者常被混为一谈，其实管的是不同的事，谁也不能代替谁：',
  'article.noGrad.eval':
    '`model.eval()` 改变各层的计算方式（关闭 Dropout，BatchNorm 改用运行统计量），自动求导仍会记录每一步运算。',
  'article.noGrad.noGrad':
    '`torch.no_grad()` 让代码块内的运算不再被自动求导记录：不建计算图、不产生梯度，省内存也省时间。各层仍按各自的模式工作。',
  'article.noGrad.teacher':
    '冻结的教师模型 `model_old` 两者都需要。评估模式让它的预测确定不变，BatchNorm 统计量也保持固定；`no_grad` 让惩罚项的梯度不流进它的参数，`backward()` 之后它们的 `.grad` 仍为空，被训练的只有当前模型。',
  'article.noGrad.lab':
    '本实验用 TF.js 代替 PyTorch。TF.js 没有 `no_grad`，所以实验把教师模型的前向传播放在被求导的函数之外，并只把当前模型的变量交给优化器。',
};
