import { article as articleEn } from './en/article';
import { backend as backendEn } from './en/backend';
import { boot as bootEn } from './en/boot';
import { charts as chartsEn } from './en/charts';
import { code as codeEn } from './en/code';
import { digits as digitsEn } from './en/digits';
import { embed as embedEn } from './en/embed';
import { exportDialog as exportEn } from './en/export';
import { frame as frameEn } from './en/frame';
import { frontier as frontierEn } from './en/frontier';
import { lab as labEn } from './en/lab';
import { lessons as lessonsEn } from './en/lessons';
import { pitfalls as pitfallsEn } from './en/pitfalls';
import { names } from './names';
import { article as articleZh } from './zh/article';
import { backend as backendZh } from './zh/backend';
import { boot as bootZh } from './zh/boot';
import { charts as chartsZh } from './zh/charts';
import { code as codeZh } from './zh/code';
import { digits as digitsZh } from './zh/digits';
import { embed as embedZh } from './zh/embed';
import { exportDialog as exportZh } from './zh/export';
import { frame as frameZh } from './zh/frame';
import { frontier as frontierZh } from './zh/frontier';
import { lab as labZh } from './zh/lab';
import { lessons as lessonsZh } from './zh/lessons';
import { pitfalls as pitfallsZh } from './zh/pitfalls';

/** One catalog per language, merged from one file per area of the page. */
const en = {
  ...names,
  ...labEn,
  ...backendEn,
  ...articleEn,
  ...chartsEn,
  ...lessonsEn,
  ...codeEn,
  ...pitfallsEn,
  ...bootEn,
  ...embedEn,
  ...exportEn,
  ...frameEn,
  ...frontierEn,
  ...digitsEn,
};
export type MessageKey = keyof typeof en;
export type Language = 'en' | 'zh';

export const CATALOGS: Record<Language, Record<MessageKey, string>> = {
  en,
  zh: {
    ...names,
    ...labZh,
    ...backendZh,
    ...articleZh,
    ...chartsZh,
    ...lessonsZh,
    ...codeZh,
    ...pitfallsZh,
    ...bootZh,
    ...embedZh,
    ...exportZh,
    ...frameZh,
    ...frontierZh,
    ...digitsZh,
  },
};
