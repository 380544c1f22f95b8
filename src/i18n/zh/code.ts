import type { code as en } from '../en/code';

export const code: Record<keyof typeof en, string> = {};
