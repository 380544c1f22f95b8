import type { boot as en } from '../en/boot';

/** 应用启动前 index.html 显示的内容：构建时写入页面，只有应用无法启动（例如以文件方式打开 dist/index.html）时才会看到。 */
export const boot: Record<keyof typeof en, string> = {
  'boot.file.heading': 'KL Lab 无法以文件方式启动',
  'boot.file.reason':
    '这个页面必须通过 HTTP 访问，不能作为文件直接打开：浏览器不会运行以文件方式打开的页面中的脚本。',
  'boot.file.howto': '在项目文件夹中运行 {preview}（先运行 {build}），然后打开它输出的地址。',
};
