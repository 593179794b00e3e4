import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from './db/open';
import { migrate, MigrationError } from './db/migrate';
import { systemClock, type Clock } from './clock';
import { DB_FILE } from './paths';
import type { KeyValueStore } from './settings-store';
import { createAudit } from './services/audit';
import { createWriter } from './db/write';
import { createStaffService } from './services/staff';
import { createAuth } from './services/auth';
import { createStationSettings, createMachineSettings } from './services/settings';
import { createStationInfo } from './services/station-info';
import { hashPassword } from './services/password';
import { createAuditExport } from './services/audit-export';
import { gatePendingPasswordChange } from './password-gate';
import { AppError } from '../common/errors';
import type { StationApi } from '../common/contract';
import { log } from './log';
import type { ServiceContext } from './context';
import { createResidents } from './services/residents';
import { createCatalogue } from './services/catalogue';
import { createDocuments } from './services/documents';
import { createIntake } from './services/intake';
import { createCalendar } from './services/calendar';
// pre-enrollment reading of the outbox; the sync worker's calls replace it (main/sync)
import { createLocalSyncStatus } from './sync/status-local';

export interface StationOptions {
  dataDir: string;
  transport: 'electron' | 'browser';
  store: KeyValueStore;
  version?: string;
  clock?: Clock;
  /** shipped resources (fonts, calendars, catalogue); defaults to the repository's resources/ */
  resourcesDir?: string;
}

/** resources/ beside the source tree or the build output (dist/main/*.js → ../../resources). */
export function defaultResourcesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../resources'), path.resolve(here, '../../resources')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'calendar'))) ?? candidates[0]!;
}

/** Startup failed in a way a clerk must be told about (message is Chinese). */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

function openAndMigrate(file: string): Db {
  let db: Db;
  try {
    db = openDb(file);
  } catch (err) {
    throw new StartupError(`无法打开数据库文件（${file}）。请确认磁盘未满、文件未被其他程序占用。`, { cause: err });
  }
  try {
    const { from, to } = migrate(db);
    if (from !== to) log.info('database migrated', { from, to });
    return db;
  } catch (err) {
    db.close();
    if (err instanceof MigrationError) throw new StartupError(err.message, { cause: err });
    throw err;
  }
}

/** Opens the database, migrates it and wires every service into the contract's implementation. */
export async function createStation(opts: StationOptions): Promise<{ api: StationApi; close(): void; warmUp(): Promise<void>; dbPath: string }> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const dbPath = path.join(opts.dataDir, DB_FILE);
  const db = openAndMigrate(dbPath);
  const clock = opts.clock ?? systemClock;
  const audit = createAudit(db, clock);
  const write = createWriter(db, clock, audit.append);
  const staff = createStaffService(db, clock, write);
  const stationSettings = createStationSettings(db, clock);
  const machine = createMachineSettings(opts.store);
  const auth = createAuth(db, clock, write, staff, stationSettings, () => machine.get().idleMinutes);
  const station = createStationInfo(db, clock);
  const ctx: ServiceContext = { db, clock, audit, write, auth, machine, station, dataDir: opts.dataDir, resourcesDir: opts.resourcesDir ?? defaultResourcesDir() };

  const residents = createResidents(ctx);
  const catalogue = createCatalogue(ctx);
  const documents = createDocuments(ctx);
  const calendar = createCalendar(ctx);
  const intake = createIntake(ctx, { residents, catalogue, documents, calendar });

  const exportAudit = createAuditExport({ db, clock, audit, write, station, dataDir: opts.dataDir });

  const api: StationApi = {
    ...residents.api,
    ...catalogue.api,
    ...documents.api,
    ...intake.api,
    ...calendar.api,
    ...createLocalSyncStatus(ctx).api,
    async 'app.info'() {
      const s = station.get();
      return { version: opts.version ?? '0.0.0', transport: opts.transport, setupNeeded: s === null, station: s, dataDir: opts.dataDir };
    },
    async 'setup.init'({ station: st, admin }) {
      const passwordHash = await hashPassword(admin.password);
      const adminRow = write((tx) => {
          if (station.get()) throw new AppError('CONFLICT', '本站点已完成初始设置，请直接登录');
          const row = staff.insert(tx, { name: admin.name, login: admin.login, role: 'admin', passwordHash, mustChangePassword: false }, null);
          station.save(tx, st, row.id);
          return row;
        });
      return auth.startSession(adminRow.id);
    },

    'auth.signIn': ({ login, password }) => auth.signIn(login, password),
    async 'auth.signOut'() {
      return auth.signOut();
    },
    async 'auth.session'() {
      return auth.session();
    },
    async 'auth.activity'() {
      return auth.activity();
    },
    async 'auth.changePassword'({ current, next }) {
      return { changed: true as const, session: await auth.changePassword(current, next) };
    },

    async 'staff.list'() {
      auth.require();
      return staff.list();
    },
    async 'staff.create'(input) {
      const me = auth.require('staff.manage');
      return staff.create(input, me.id);
    },
    async 'staff.update'(input) {
      const me = auth.require('staff.manage');
      return staff.update(input, me.id);
    },
    async 'staff.resetPassword'({ id, password }) {
      const me = auth.require('staff.manage');
      return staff.setPassword(id, password, me.id, 'staff.resetPassword');
    },
    async 'staff.unlock'({ id }) {
      const me = auth.require('staff.manage');
      return staff.unlock(id, me.id);
    },

    async 'station.get'() {
      return station.get();
    },
    async 'station.update'(input) {
      const me = auth.require('station.edit');
      return write((tx) => station.save(tx, input, me.id));
    },

    async 'settings.get'() {
      auth.require();
      return machine.get();
    },
    async 'settings.update'(patch) {
      const me = auth.require('settings.edit');
      const { before, after } = machine.update(patch);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
      if (changed.length > 0) {
        write((tx) => tx.note({ actorId: me.id, action: 'settings.update', entity: 'settings', entityId: 'machine', detail: { changed } }));
      }
      return after;
    },

    async 'audit.list'({ limit, beforeSeq }) {
      auth.require('audit.read');
      return audit.list(limit, beforeSeq);
    },
    async 'audit.search'({ filter, page, pageSize }) {
      auth.require('audit.read');
      return audit.search(filter, (page - 1) * pageSize, pageSize);
    },
    async 'audit.actions'() {
      auth.require('audit.read');
      return audit.actions();
    },
    async 'audit.export'({ filter }) {
      const me = auth.require('audit.read');
      return exportAudit(filter, me.id);
    },
    async 'audit.verify'() {
      auth.require('audit.read');
      return audit.verify();
    },
  };

  return {
    api: gatePendingPasswordChange(api, () => auth.passwordChangePending()),
    dbPath,
    /** Parses the receipt fonts ahead of the first receipt; call once the window is up. */
    warmUp: () => documents.warmUp(),
    close() {
      if (db.open) db.close();
    },
  };
}
