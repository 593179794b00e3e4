/**
 * Which page each area shows. Kept apart from areas.tsx so pages may list the areas without
 * an import cycle. Areas other than the workbench load on first visit, so sign-in and the
 * workbench do not wait for the registry, intake and settings code.
 */
import { lazy, type ComponentType } from 'react';
import { WorkbenchPage } from '../features/workbench/WorkbenchPage';
import type { AreaKey } from './areas';

export const PAGES: Record<AreaKey, ComponentType> = {
  workbench: WorkbenchPage,
  residents: lazy(() => import('../features/residents/ResidentsPage').then((m) => ({ default: m.ResidentsPage }))),
  intake: lazy(() => import('../features/intake/IntakePage').then((m) => ({ default: m.IntakePage }))),
  wishes: lazy(() => import('../features/wishes/WishesPage').then((m) => ({ default: m.WishesPage }))),
  relief: lazy(() => import('../features/relief/ReliefPage').then((m) => ({ default: m.ReliefPage }))),
  dayclose: lazy(() => import('../features/dayclose/DayClosePage').then((m) => ({ default: m.DayClosePage }))),
  sync: lazy(() => import('../features/sync/SyncPage').then((m) => ({ default: m.SyncPage }))),
  settings: lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage }))),
};
