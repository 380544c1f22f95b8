import type { lessons as en } from '../en/lessons';

/** 文章下方的交互课程（中文）。反引号标记代码，`{name}` 标记插槽或参数（见 components/article/Rich.tsx）。 */
export const lessons: Record<keyof typeof en, string> = {
  'lessons.sample': '样本 {n}',
  'lessons.class': '类别 {n}',
  'lessons.rowSum': '行和',
  'lessons.pending': '计算中…',
  'lessons.engineFailed': '课程的计算引擎未能算出结果：{message}',
  'lessons.engineFailedSilently': '课程的计算引擎无法在这个浏览器里启动。',

  'lessons.softmax.title': '动手试试：逐行计算 softmax 与 log-softmax',
  'lessons.softmax.intro':
    '表格里是原文举例用的 logits：3 个样本、4 个类别，每个数都可以改。页面自带的引擎（float32 下的 TF.js，运行在单独的 worker 里）会随着输入即时重新计算 `F.softmax(logits, dim=1)` 和 `F.log_softmax(logits, dim=1)`。',
  'lessons.softmax.logitsCaption': 'logits（可编辑）',
  'lessons.softmax.logitLabel': '第 {row} 行、第 {cls} 类的 logit',
  'lessons.softmax.reset': '恢复原文的 logits',
  'lessons.softmax.incomplete': '有单元格还不是数字；下面的结果对应上一次完整的表格。',
  'lessons.softmax.softmaxCaption': '`F.softmax(logits, dim=1)`',
  'lessons.softmax.logSoftmaxCaption': '`F.log_softmax(logits, dim=1)`',
  'lessons.softmax.observe':
    '无论 logits 取什么值，softmax 的每一行加起来都是 1，因为每行都除以了自己的总和。给同一行的所有 logits 加上同一个常数，结果不变：起作用的只是它们之间的差。log-softmax 就是这张表在对数空间里的样子，等于每个 logit 减去本行的 log-sum-exp，因此同一行里对数概率之间的差，恰好等于 logits 之间的差。',

  'lessons.errata.title': '原文勘误',
  'lessons.errata.intro':
    '以下内容都对照 PyTorch 1.13 和本页引擎核实过。标为“原文印出”的数字只是为了说明错在哪里而引用的，并不是计算结果。',
  'lessons.errata.printedRow': '{sample}，原文印出（有误）',
  'lessons.errata.computedRow': '{sample}，实际计算',
  'lessons.errata.softmaxCaption': '原文 logits 的 softmax：原文印出的行与实际计算的行对照',
  'lessons.errata.logSoftmaxCaption': '原文 logits 的 log-softmax：原文印出的行与实际计算的行对照',
  'lessons.errata.expSum': 'exp(行) 之和',
  'lessons.errata.sums':
    '原文把各行之和印成 `tensor([1.0000, 1.0000, 1.0000])`，可它印出的第二、第三行 softmax 加起来分别是 {second} 和 {third}。第一行的和虽然是 1，但与真实值在小数点后第二或第三位就有出入。原文的 log-softmax 各行在舍入误差内正是其 softmax 各行的对数，所以错误也一并带了过去（它们所代表的概率之和见最后一列）。实际计算的各行与 PyTorch 对这组 logits 的输出一致。',
  'lessons.errata.othersTitle': '其他疏漏',
  'lessons.errata.direction.title': 'KL 的方向。',
  'lessons.errata.direction.text':
    '公式写的是 {klNewOld}，当前模型在前。但 `F.kl_div(log_softmax(new), softmax(old))` 是用 `target`（也就是旧模型）来给对数比值加权的，所以代码实际算的是 {klOldNew}。KL 不对称，这是两种不同的惩罚（下面的演示会同时给出两个值）。',
  'lessons.errata.lambda.title': '公式里没有 λ。',
  'lessons.errata.lambda.text':
    '公式里 KL 项的权重是 1，代码却把它乘上了 `kl_lambda`。把权重补上、并按代码实际计算的方向来写，目标函数应为 {objective}',
  'lessons.errata.tab.title': '空格中混进了制表符。',
  'lessons.errata.tab.text':
    '函数体里 `model.train()` 这一行用制表符缩进，上下各行用的却是四个空格。Python 把制表符算作缩进到第 8 列，于是下一行的第 4 列对不上任何一层外层缩进。Python 在执行文件之前会先把整个文件编译一遍，因此直接报 `IndentationError: unindent does not match any outer indentation level`，照原样印出的函数一行也跑不起来。',
  'lessons.errata.epoch.title': '并不是一个 epoch。',
  'lessons.errata.epoch.text':
    '名字虽然叫 `train_epoch_kl_reg`，它对传入的这一个批次只做一次前向、一次 `backward()` 和一次 `optimizer.step()`，也就是一步优化。一个 epoch 应当遍历训练集的所有批次。',
  'lessons.errata.klNewOldLabel': '当前模型 π θ 相对旧模型 π θ 0 的 KL 散度',
  'lessons.errata.klOldNewLabel': '旧模型 π θ 0 相对当前模型 π θ 的 KL 散度',
  'lessons.errata.objectiveLabel':
    'L total 等于 L fine-tune 加上 λ 乘以：对输入 x 取期望，π θ 0 在 x 下的分布相对 π θ 在 x 下的分布的 KL 散度。',

  'lessons.stability.title': '为什么用 `log_softmax` 而不是 `log(softmax)`',
  'lessons.stability.intro':
    '把第一课里的 logits 乘上一个缩放系数 s。s 越大，logits 之间拉得越开，就像一个非常自信的模型输出的那样。这时 softmax 给不太可能的类别的概率小到 float32 存不下，只能存成 0，而 0 的对数是 −∞。',
  'lessons.stability.scale': '缩放系数 scale s（乘到每个 logit 上）',
  'lessons.stability.naiveCaption': '直接计算 `torch.log(F.softmax(s · logits, dim=1))`',
  'lessons.stability.stableCaption': '`F.log_softmax(s · logits, dim=1)`',
  'lessons.stability.infinite':
    '在这个缩放下，直接计算的结果里有 {count} 个 −∞；`log_softmax` 的结果全部有限。',
  'lessons.stability.overflow':
    '有些缩放后的 logits 本身就超出了 float32 的范围，`log_softmax` 也无能为力：直接计算有 {naive} 个、`log_softmax` 有 {stable} 个结果不是有限值。',
  'lessons.stability.finite':
    '在这个缩放下，两种算法的结果都是有限值。把 s 往大调，直到直接计算的表格里出现 −∞。',
  'lessons.stability.trick':
    '`F.log_softmax` 从不生成那个极小的概率。它先减去本行最大的 logit m，再计算 {formula}。这样每个指数都不大于 0，且其中恰有一个等于 0，所以求和结果在 1 和类别数之间，取对数后一定有限：不太可能的类别只是得到一个很大的负数。直接计算的结果在变成 −∞ 之前就已经不准了，因为 float32 对这么小的数只能保留很少几位有效数字。对数概率里只要出现一个 −∞，KL 项就会变成无穷大或 NaN，所有梯度也随之失效。',
  'lessons.stability.formulaLabel': 'z i 减 m，再减去对 j 求和 e 的 z j 减 m 次方之后的对数',

  'lessons.kl.title': '动手探索 `F.kl_div`',
  'lessons.kl.intro':
    'P 是参照分布，作为 `target` 传入；Q 是 `input` 背后的分布，`kl_div` 要求以对数概率的形式传入。可以填任意非负权重：每一行都会即时除以本行之和，所以不必凑成 1。每一行是一个小批次里的一个样本。',
  'lessons.kl.pCaption': 'P，即 target（权重，可编辑）',
  'lessons.kl.qCaption': 'Q，即 input 背后的分布（权重，可编辑）',
  'lessons.kl.weightLabel': '{name} 样本 {row}、类别 {cls}',
  'lessons.kl.copyPToQ': '令 Q 等于 P',
  'lessons.kl.resetExample': '恢复示例',
  'lessons.kl.invalid':
    '每个权重都必须是不小于 0 的数，且每行之和必须大于 0；下面的数值对应上一组有效的权重。',
  'lessons.kl.useLive': '改用实验中的实时批次：取第一个样本，`model_old` 作 P，当前模型作 Q',
  'lessons.kl.liveUnavailable': '实验完成一步微调之后即可使用。',
  'lessons.kl.liveInUse': '正在显示实验最新批次的第一个样本；实验运行时它会跟着训练变化。',
  'lessons.kl.batchSize': '批大小 B',
  'lessons.kl.classes': '类别数 C',
  'lessons.kl.normalisedCaption': '逐行归一化之后的 P 和 Q',
  'lessons.kl.pRow': 'P，{sample}',
  'lessons.kl.qRow': 'Q，{sample}',
  'lessons.kl.argumentsTitle': '每次调用收到的参数',
  'lessons.kl.argumentsCaption': '`F.kl_div` 的参数：使用与不使用 `log_target`',
  'lessons.kl.inputRow': '`input` = log Q（两次调用相同），{sample}',
  'lessons.kl.targetRow': '`target` = P（`log_target=False`），{sample}',
  'lessons.kl.logTargetRow': '`target` = log P（`log_target=True`），{sample}',
  'lessons.kl.logTarget':
    '设置 `log_target=True` 后，target 传入的是 log P 而不是 P，`kl_div` 在需要概率的地方改用 exp(target)。所以两次调用的结果相同，下方 reduction 表格的两列可以看出这一点。传对数概率就不必构造 P 本身，这在 P 会下溢时很有用。',
  'lessons.kl.logTargetZero':
    '这里的 P 含有 0。`log_target=False` 时这一项为 0，因为约定 0 · log 0 = 0；`log_target=True` 时 target 是 −∞，而 exp(−∞) · (−∞ − log q) 没有定义，于是这一项为 NaN。PyTorch 1.13 的结果与这里相同。',
  'lessons.kl.noneCaption': "`reduction='none'`：逐项的 p · (log p − log q)",
  'lessons.kl.perSample': '行和：该样本的 KL',
  'lessons.kl.reductionsCaption': '`F.kl_div(log Q, P)` 在各种 reduction 下的值',
  'lessons.kl.reductionColumn': 'reduction',
  'lessons.kl.probabilityTargetColumn': '`log_target=False`',
  'lessons.kl.logTargetColumn': '`log_target=True`',
  'lessons.kl.noneRow': '见上表',
  'lessons.kl.reductions':
    '`sum` 把全部 B × C = {elements} 项加起来。`batchmean` 再除以批大小 B = {batch}，得到每个样本的平均 KL，也就是目标函数里的那个量。`mean` 除的却是元素个数 B × C，因此它总是等于 `batchmean` / C，这里是 `batchmean` / {classes}。这是每样本 KL 再除以类别数，并不是 KL 散度。',

  'lessons.direction.title': '方向反过来会怎样',
  'lessons.direction.pq': 'KL(P ‖ Q) = F.kl_div(log Q, P)，batchmean',
  'lessons.direction.qp': 'KL(Q ‖ P) = F.kl_div(log P, Q)，batchmean',
  'lessons.direction.differ':
    '交换参数，值就变了：两个方向分别在不同的分布下对对数比值取平均。只有当 P = Q 时两者才同时为 0（试试“令 Q 等于 P”）。',
  'lessons.direction.liveTitle': '在实验的整个批次上',
  'lessons.direction.liveIntro': '实验最新的批次共 {size} 个样本，`batchmean`，两个方向：',
  'lessons.direction.liveOldNew': '实时批次：KL(model_old ‖ model)，代码实际计算的方向',
  'lessons.direction.liveNewOld': '实时批次：KL(model ‖ model_old)，公式所写的方向',
  'lessons.direction.liveMissing': '实验完成一步微调后，这里会显示该批次两个方向的 KL。',
  'lessons.direction.forward.title': '正向 KL(P ‖ Q)：覆盖全部质量。',
  'lessons.direction.forward.text':
    '对数比值在 P 有概率的地方取平均。只要某处 P 大而 Q 极小，这一项就会暴涨，所以使它最小的 Q 会铺开，盖住 P 用到的每一个区域，哪怕因此在两峰之间也分到了概率。',
  'lessons.direction.reverse.title': '反向 KL(Q ‖ P)：寻找单个峰。',
  'lessons.direction.reverse.text':
    '对数比值在 Q 有概率的地方取平均。Q 在 P 接近 0 的地方放概率代价很高，漏掉 P 的一部分却不受惩罚，所以使它最小的 Q 会停在其中一个峰上。',
  'lessons.direction.inLab':
    '在实验中，P 是 `model_old`，Q 是正在微调的模型。代码的 KL(model_old ‖ model) 要求模型在旧模型有概率的地方都保留概率；公式的 KL(model ‖ model_old) 只惩罚模型把概率放到旧模型几乎没有概率的地方。实验控件里的“KL 方向”设置可以让训练使用任一方向。',
  'lessons.direction.pictureLabel':
    '两幅图，都画着同一个双峰分布 P。左图：使 KL(P ‖ Q) 最小的单峰 Q，是一条横跨两个峰的宽曲线。右图：使 KL(Q ‖ P) 最小的单峰 Q，是一条落在其中一个峰上的窄曲线。',
  'lessons.direction.pictureForward': 'KL(P ‖ Q)：Q 覆盖两个峰',
  'lessons.direction.pictureReverse': 'KL(Q ‖ P)：Q 只选一个峰',
  'lessons.direction.pictureP': 'P',
  'lessons.direction.pictureQ': 'Q',
};
