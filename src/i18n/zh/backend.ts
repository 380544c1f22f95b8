import type { backend as en } from '../en/backend';

/** 正在使用哪个计算后端，以及原因。 */
export const backend: Record<keyof typeof en, string> = {
  'backend.software': '{name}（软件渲染）',
  'backend.reason.forced': '正在使用 {name}，因为它是手动选择的。',
  'backend.reason.fallback': '正在使用 {name}，因为更优先的后端未能启动。',
  'backend.reason.last-resort':
    '正在使用 {name}（TF.js 较慢的参考后端），因为此浏览器中没有更快的后端能启动。',
  'backend.measured.compared': '正在使用 {name}，它在这里最快：每秒 {rate} 步，相比之下 {others}。',
  'backend.measured.comparedSoftware':
    '正在使用 {name}，它在这里最快：每秒 {rate} 步，相比之下 {others}；此浏览器中 {software} 只有软件渲染器。',
  'backend.measured.alone': '正在使用 {name}，每秒 {rate} 步，是这里唯一能启动的快速后端。',
  'backend.measured.aloneSoftware':
    '正在使用 {name}，每秒 {rate} 步，在这里最快：此浏览器中 {software} 只有软件渲染器。',
  'backend.rateOn': '{name} 每秒 {rate} 步',
  'backend.unavailable': '此浏览器不支持',
  'backend.failure': '{name} 启动失败：{message}',
  'backend.none': '没有计算后端在运行：训练引擎未能启动。',
  'backend.mainThread': '它在页面的主线程上训练，因为此页面不允许启动 Worker；训练时页面可能会短暂停顿。',
};
