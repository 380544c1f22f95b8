import { article as articleEn } from './en/article';
import { charts as chartsEn } from './en/charts';
import { lab as labEn } from './en/lab';
import { article as articleZh } from './zh/article';
import { charts as chartsZh } from './zh/charts';
import { lab as labZh } from './zh/lab';

/** One catalog per language, merged from one file per area of the page. */
const en = { ...labEn, ...articleEn, ...chartsEn };
export type MessageKey = keyof typeof en;
export type Language = 'en' | 'zh';

export const CATALOGS: Record<Language, Record<MessageKey, string>> = {
  en,
  zh: { ...labZh, ...articleZh, ...chartsZh },
};
