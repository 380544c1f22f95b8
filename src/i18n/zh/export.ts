import type { exportDialog as en } from '../en/export';

/** “导出”对话框：把运行存成文件、存成 PyTorch 代码、把图表存成图片，以及导入一次运行。 */
export const exportDialog: Record<keyof typeof en, string> = {
  'export.button': '导出',
  'export.heading': '把这次运行带走',
  'export.close': '关闭',
  'export.run': '本次运行',
  'export.runHint':
    '到目前为止的每一个微调步（loss_new、kl_penalty、total_loss、两个任务的准确率、λ），以及设置、随机种子、计算后端和应用版本。',
  'export.csv': '运行数据（CSV）',
  'export.json': '运行数据（JSON）',
  'export.noSteps': '请先训练一步：现在还没有可导出的内容。',
  'export.pytorch': '在 PyTorch 中打开',
  'export.pytorchHint':
    '一个只依赖 torch 的 Python 文件：包含本次运行的数据、预训练权重、实验抽取的小批量以及按当前设置写出的训练步。dropout 为 0 时，它算出的损失与实验一致到约六位有效数字；dropout 大于 0 时，PyTorch 会自己抽取掩码。',
  'export.py': '在 PyTorch 中打开（.py）',
  'export.ipynb': '在 PyTorch 中打开（.ipynb）',
  'export.writing': '正在生成代码…',
  'export.pytorchFailed': '无法生成代码：{message}',
  'export.replayPartWay':
    '没有脚本能重现这次运行：在切换到回放的旧任务输入之前，它在微调批次上计算 KL，那些步骤没有抽取回放的样本。请按“重置”，再导出新的运行。',
  'export.charts': '图表',
  'export.chartsHint': '页面上当前显示的图表；其他标签页里的图表，打开该标签页后会出现在这里。',
  'export.png': 'PNG',
  'export.svg': 'SVG',
  'export.chartPng': '{chart}，保存为 PNG',
  'export.chartSvg': '{chart}，保存为 SVG',
  'export.chartFailed': '无法保存该图表：{message}',
  'export.import': '与保存的运行对比',
  'export.importHint':
    '本实验导出的 JSON 运行文件：实验会采用其中的设置重新开始一次运行，保存的运行会显示在图表上以便对比。',
  'export.importFile': '导入 JSON 运行文件',
  'export.importFailed': '无法读取这个文件：{message}',
  'export.imported': '已导入：{steps} 步，λ = {lambda}。正在用它的设置开始新的运行。',
} as const;
