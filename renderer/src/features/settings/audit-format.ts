/** Turns audit entries into words a 站长 can read; unknown codes are shown as they are. */
import type { AuditEntry } from '../../../../common/contract';
import { ROLE_LABELS, type Role } from '../../../../common/roles';
import { formatDateTime } from '../../format';
import { ACTION_LABELS, DETAIL_KEYS, DETAIL_VALUES, ENTITY_DETAIL_KEYS, ENTITY_LABELS } from './strings';

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type KeyLabel = (key: string) => string;

function keyLabelFor(entity: string): KeyLabel {
  const own = ENTITY_DETAIL_KEYS[entity] ?? {};
  return (key) => own[key] ?? DETAIL_KEYS[key] ?? key;
}

function valueText(key: string, value: unknown, label: KeyLabel): string {
  if (value === null || value === undefined) return '—';
  // a list of changed fields names fields: show their names
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? label(v) : valueText(key, v, label))).join('、');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${label(k)} ${valueText(k === 'from' || k === 'to' ? key : k, v, label)}`)
      .join('，');
  }
  const text = String(value);
  if (key === 'role') {
    if (text in ROLE_LABELS) return ROLE_LABELS[text as Role];
  }
  if (ISO_INSTANT.test(text)) return formatDateTime(text);
  return DETAIL_VALUES[text] ?? text;
}

export function detailText(entry: AuditEntry): string {
  const label = keyLabelFor(entry.entity);
  return Object.entries(entry.detail)
    .map(([k, v]) => `${label(k)}：${valueText(k, v, label)}`)
    .join('；');
}
