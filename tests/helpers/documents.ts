/**
 * The documents service as the intake code holds it, over a station's real database file.
 * createStation keeps its services inside; this wires the same real parts (audit, staff,
 * auth, settings) over a second connection to the same file, so a test can call issue()
 * and reprint() and then look at what the API serves.
 */
import path from 'node:path';
import { openDb } from '../../main/db/open';
import { DB_FILE } from '../../main/paths';
import type { Clock } from '../../main/clock';
import type { ServiceContext } from '../../main/context';
import { memoryStore } from '../../main/settings-store';
import { createAudit } from '../../main/services/audit';
import { createAuth } from '../../main/services/auth';
import { createDocuments, type Documents } from '../../main/services/documents';
import { createMachineSettings, createStationSettings, type MachineSettingsService } from '../../main/services/settings';
import { createStaffService } from '../../main/services/staff';
import { createWriter } from '../../main/db/write';
import { createStationInfo } from '../../main/services/station-info';
import { defaultResourcesDir } from '../../main/station';

export function documentsService(dataDir: string, clock: Clock): { docs: Documents; machine: MachineSettingsService; close(): void } {
  const db = openDb(path.join(dataDir, DB_FILE));
  const audit = createAudit(db, clock);
  const write = createWriter(db, clock, audit.append);
  const staff = createStaffService(db, clock, write);
  const machine = createMachineSettings(memoryStore());
  const ctx: ServiceContext = {
    db,
    clock,
    audit,
    write,
    auth: createAuth(db, clock, write, staff, createStationSettings(db, clock), () => 15),
    machine,
    station: createStationInfo(db, clock),
    dataDir,
    resourcesDir: defaultResourcesDir(),
  };
  return { docs: createDocuments(ctx), machine, close: () => db.close() };
}
