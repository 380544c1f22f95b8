import type { digits as en } from '../en/digits';

/** 手写数字场景：数字视图、按类别的准确率表、数据加载，以及脚本尚未涵盖的部分，中文。 */
export const digits: Record<keyof typeof en, string> = {
  'tab.digits': '数字',
  'digits.heading': '两个模型眼中的测试数字',
  'digits.intro':
    '每个类别取一张测试数字：正立的（旧任务）和旋转 {rotation}° 的（新任务）。每张图下方先写 model_old 给出的类别，再写 model 现在给出的类别。',
  'digits.oldTask': '旧任务：正立',
  'digits.newTask': '新任务：旋转 {rotation}°',
  'digits.image': '手写的 {label}',
  'digits.imageTurned': '手写的 {label}，旋转 {rotation}°',
  'digits.modelOld': 'model_old',
  'digits.model': 'model',
  'digits.keyModelOld': '第一行：model_old 给出的类别',
  'digits.keyModel': '第二行：model 给出的类别',
  'digits.right': '正确',
  'digits.wrong': '错误',
  'digits.waiting': '预训练结束后，这里会显示数字。',
  'digits.table.caption': '每个数字在各任务 2,000 张测试图上的准确率，第 {step} 步',
  'digits.table.digit': '数字',
  'digits.table.oldTask': '旧任务',
  'digits.table.newTask': '新任务',
  'digits.loading': '正在从本站加载手写数字（1.6 MB）……',
  'digits.loadFailed': '无法加载手写数字（{message}）。请刷新页面，或在“设置”中选择二维点场景。',
  'digits.gap.digits': '手写数字',
  'digits.pytorchGap':
    '“在 PyTorch 中打开”生成的是二维点场景、在微调批次上计算 KL 的脚本；本次训练用的是{what}，脚本暂不支持。JSON 和 CSV 文件仍会完整记录这次训练。',
};
