/** Which page each area shows. Kept apart from areas.tsx so pages may list the areas without an import cycle. */
import type { ComponentType } from 'react';
import { DayClosePage } from '../features/dayclose/DayClosePage';
import { IntakePage } from '../features/intake/IntakePage';
import { ReliefPage } from '../features/relief/ReliefPage';
import { ResidentsPage } from '../features/residents/ResidentsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { WishesPage } from '../features/wishes/WishesPage';
import { WorkbenchPage } from '../features/workbench/WorkbenchPage';
import type { AreaKey } from './areas';

export const PAGES: Record<AreaKey, ComponentType> = {
  workbench: WorkbenchPage,
  residents: ResidentsPage,
  intake: IntakePage,
  wishes: WishesPage,
  relief: ReliefPage,
  dayclose: DayClosePage,
  sync: SyncPage,
  settings: SettingsPage,
};
