/** The areas of the shell, in menu order; Alt+1 … Alt+8 follow this order. Pages are mapped in pages.tsx. */
import {
  AppstoreOutlined,
  CloudSyncOutlined,
  FileDoneOutlined,
  GiftOutlined,
  InsuranceOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import * as dayclose from '../features/dayclose/strings';
import * as intake from '../features/intake/strings';
import * as relief from '../features/relief/strings';
import * as residents from '../features/residents/strings';
import * as settings from '../features/settings/strings';
import * as sync from '../features/sync/strings';
import * as wishes from '../features/wishes/strings';
import * as workbench from '../features/workbench/strings';

export const AREA_KEYS = ['workbench', 'residents', 'intake', 'wishes', 'relief', 'dayclose', 'sync', 'settings'] as const;
export type AreaKey = (typeof AREA_KEYS)[number];

export interface Area {
  key: AreaKey;
  label: string;
  summary: string;
  icon: ReactNode;
  /** the digit of its Alt shortcut */
  digit: number;
}

const defs: Omit<Area, 'digit'>[] = [
  { key: 'workbench', label: workbench.TITLE, summary: workbench.SUMMARY, icon: <AppstoreOutlined /> },
  { key: 'residents', label: residents.TITLE, summary: residents.SUMMARY, icon: <TeamOutlined /> },
  { key: 'intake', label: intake.TITLE, summary: intake.SUMMARY, icon: <FileDoneOutlined /> },
  { key: 'wishes', label: wishes.TITLE, summary: wishes.SUMMARY, icon: <GiftOutlined /> },
  { key: 'relief', label: relief.TITLE, summary: relief.SUMMARY, icon: <InsuranceOutlined /> },
  { key: 'dayclose', label: dayclose.TITLE, summary: dayclose.SUMMARY, icon: <ScheduleOutlined /> },
  { key: 'sync', label: sync.TITLE, summary: sync.SUMMARY, icon: <CloudSyncOutlined /> },
  { key: 'settings', label: settings.TITLE, summary: settings.SUMMARY, icon: <SettingOutlined /> },
];

export const AREAS: readonly Area[] = defs.map((d, i) => ({ ...d, digit: i + 1 }));

export function areaByKey(key: AreaKey): Area {
  const found = AREAS.find((a) => a.key === key);
  if (!found) throw new Error(`unknown area ${key}`);
  return found;
}

export function shortcutLabel(area: Area): string {
  return `Alt+${area.digit}`;
}
