/** Turns audit entries into words a 站长 can read; unknown codes are shown as they are. */
import type { AuditEntry } from '../../../../common/contract';
import { ROLE_LABELS, type Role } from '../../../../common/roles';
import { formatDateTime } from '../../format';
import { ACTION_LABELS, DETAIL_KEYS, DETAIL_VALUES, ENTITY_LABELS } from './strings';

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? (DETAIL_KEYS[v] ?? v) : valueText(key, v))).join('、');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${DETAIL_KEYS[k] ?? k} ${valueText(key, v)}`)
      .join('，');
  }
  const text = String(value);
  if (key === 'role' || key === 'from' || key === 'to') {
    if (text in ROLE_LABELS) return ROLE_LABELS[text as Role];
  }
  if (ISO_INSTANT.test(text)) return formatDateTime(text);
  return DETAIL_VALUES[text] ?? text;
}

export function detailText(entry: AuditEntry): string {
  return Object.entries(entry.detail)
    .map(([k, v]) => `${DETAIL_KEYS[k] ?? k}：${valueText(k, v)}`)
    .join('；');
}
