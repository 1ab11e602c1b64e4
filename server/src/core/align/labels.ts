/**
 * Status labels of the alignment, shared by the report, the hover and the extension's tree view
 * so that a reviewer reads the same word everywhere.
 */
import type { Localized } from '../model.js';
import type { TargetStatus, ThemeStatus } from './types.js';

export const themeStatusLabel: Record<ThemeStatus, Localized> = {
  covered: { zh: '已覆盖', en: 'covered' },
  partial: { zh: '部分覆盖', en: 'partial' },
  missing: { zh: '未覆盖', en: 'missing' },
};

export const targetStatusLabel: Record<TargetStatus, Localized> = {
  met: { zh: '达标', en: 'met' },
  stronger: { zh: '高于上级', en: 'stronger' },
  weaker: { zh: '弱于上级', en: 'weaker' },
  missing: { zh: '未体现', en: 'missing' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
  'not-comparable': { zh: '不可比', en: 'not comparable' },
};

/** "已覆盖 covered", "达标 met": Chinese first, then English; unknown statuses as they are. */
export function bilingualStatus(kind: 'theme' | 'target', status: string): string {
  const table: Record<string, Localized> = kind === 'theme' ? themeStatusLabel : targetStatusLabel;
  const l = table[status];
  return l ? `${l.zh} ${l.en}` : status;
}
