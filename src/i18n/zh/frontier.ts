import type { frontier as en } from '../en/frontier';

/** 前沿视图：所有 λ 同时训练，旧任务对新任务，中文。 */
export const frontier: Record<keyof typeof en, string> = {
  'frontier.title': '稳定性–可塑性前沿（frontier）：旧任务准确率对新任务准确率，每个 λ 一个点',
  'frontier.axis.newTask': '新任务准确率（%）',
  'frontier.axis.oldTask': '旧任务准确率（%）',
  'frontier.points': '扫描中的 λ：选择一个，把它载入实验的训练',
  'frontier.point': 'λ = {lambda}：旧任务 {old}，新任务 {new}',
  'frontier.pointOverSeeds': 'λ = {lambda}：旧任务 {old}，新任务 {new}，{seeds} 个种子的平均',
  'frontier.thisRun': '当前训练（λ = {lambda}）',
  'frontier.seeds': '每个 λ 的种子数',
  'frontier.table.caption': '第 {step} 步时的各个 λ',
  'frontier.table.lambda': 'λ',
  'frontier.table.oldTask': '旧任务',
  'frontier.table.newTask': '新任务',
  'frontier.status.idle': '此视图打开且实验在视野内时，扫描才会训练。',
  'frontier.status.starting': '正在预训练扫描的模型（{runs} 个训练，每个 λ 和种子一个）……',
  'frontier.status.training':
    '第 {step} / {steps} 步：{runs} 个训练同时进行（{backend}），在单独的 worker 中。',
  'frontier.status.finished': '完成：{runs} 个训练，每个 {steps} 步。',
  'frontier.refused':
    '前沿未显示：扫描不带常见错误训练，而这些选项已打开：{settings}。在“常见错误”标签页中关闭它们即可看到前沿。',
  'frontier.failed': '扫描已停止：{error}',
  'frontier.empty': '扫描的模型预训练完成后，这些点就会出现。',
  'frontier.note':
    '每个 λ 都用实验的其他设置训练；每条线是该点走过的路径。选择一个点，把它的 λ 载入实验的训练。',
  'frontier.spreadNote': '误差线表示各种子结果的范围。',
};
