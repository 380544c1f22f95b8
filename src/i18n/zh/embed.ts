import type { embed as en } from '../en/embed';

/** “嵌入”对话框：课程作者粘贴到页面里的代码片段。 */
export const embed: Record<keyof typeof en, string> = {
  'embed.button': '嵌入',
  'embed.heading': '把实验嵌入课程页面',
  'embed.intro':
    '每段代码都会按实验此刻的设置打开它（只包含改动过默认值的设置）。计算后端不在其中：每位读者的浏览器会自行选择最快的后端。',
  'embed.options': '选项',
  'embed.autoplay': '加载后自动开始训练',
  'embed.height': '框架高度（像素）',
  'embed.iframe': 'HTML iframe',
  'embed.iframeHint':
    '页面上无需任何脚本：适用于 Canvas、Moodle、JupyterLab 和任何 HTML 页面。在 Markdown 与 MkDocs 中粘贴时，前后各空一行。',
  'embed.component': 'Web 组件',
  'embed.componentHint': '适用于可以运行脚本的页面。属性就是实验的设置，另有 hide、lock 与 autoplay。',
  'embed.myst': 'Jupyter Book（MyST）',
  'embed.mystHint':
    '一个原始 HTML 块，适用于 Jupyter Book 以及使用 MyST 的 Sphinx。MyST 自带的 iframe 指令会把框架画成固定比例，对本实验来说太矮。',
  'embed.copy': '复制',
  'embed.copied': '已复制。',
  'embed.copyFailed': '浏览器不允许直接复制。文本已选中：请按 Ctrl+C（Mac 上按 ⌘C）。',
  'embed.close': '关闭',
};
