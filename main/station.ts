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
import { createStaffService, refusePasswordLike } from './services/staff';
import { createAuth } from './services/auth';
import { loadLoginKey } from './services/login-mark';
import { createStationSettings, createMachineSettings } from './services/settings';
import { createStationInfo } from './services/station-info';
import { hashPassword } from './services/password';
import { createAuditExport } from './services/audit-export';
import { createCallerResolver, type CallerResolver } from './access';
import { AppError } from '../common/errors';
import type { StationApi } from '../common/contract';
import { log } from './log';
import type { ServiceContext } from './context';
import { createResidents } from './services/residents';
import type { Intake } from './services/intake';
import type { Catalogue } from './services/catalogue';
import type { Calendar } from './services/calendar';
import { createCatalogue } from './services/catalogue';
import { createDocuments } from './services/documents';
import { createIntake } from './services/intake';
import { createCalendar } from './services/calendar';
import { createDayClose } from './services/dayclose';
import type { PendingDayCloses, SyncPort } from './sync/port';
import { createSyncWorker, type SyncWorker, type SyncWorkerOptions } from './sync/worker';
import { createSyncApi } from './sync/api';
import { secureDataDir, touchPrivateFile } from './data-dir';
import { createGrants } from './services/grants';
import { createExportsExpiry } from './services/exports-expiry';
import { createWishExpiry } from './services/wishes-expiry';
import { createAuditHeadKeeper, type AuditHead } from './services/audit-head';
import type { RecordedHead } from './services/audit';
import { createRelief } from './services/relief';
import { createReliefDocs } from './services/relief-docs';
import { createWishes, type Wishes } from './services/wishes';
import type { LobbyReader } from './host/lobby';
import { createWishDocs, wishReaderOf } from './services/wish-docs';

export interface StationOptions {
  dataDir: string;
  transport: 'electron' | 'browser';
  store: KeyValueStore;
  version?: string;
  clock?: Clock;
  /** shipped resources (fonts, calendars, catalogue); defaults to the repository's resources/ */
  resourcesDir?: string;
  /** what 日结 asks of the county sync; a station without a county token closes its days locally */
  sync?: SyncPort;
  /** the county's public progress page once enrolled (ServiceContext.countyPublicUrl) */
  countyPublicUrl?: () => string | null;
  /** where the hall screen is served in the desktop window (main/host/lobby-host.ts), once it has started */
  lobbyOrigin?: () => string | null;
  /** the sync worker: tests pass autoStart false and drive it with runOnce, or another target */
  syncWorker?: Pick<SyncWorkerOptions, 'autoStart' | 'target' | 'intervalMs' | 'watchMs' | 'backoffMs' | 'maxBackoffMs' | 'random'>;
}

/** resources/ beside the source tree or the build output (dist/main/*.js → ../../resources). */
export function defaultResourcesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../resources'), path.resolve(here, '../../resources')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'calendar'))) ?? candidates[0]!;
}

/** The services behind the calls, for main's own callers (sync applies county decisions through them, with an actor). */
export interface StationServices {
  intake: Intake;
  catalogue: Catalogue;
  calendar: Calendar;
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
export async function createStation(opts: StationOptions): Promise<{ api: StationApi; callerFor: CallerResolver; services: StationServices; lobby: LobbyReader; wishes: Wishes; sync: SyncWorker; close(): void; warmUp(): Promise<void>; dbPath: string; pendingDayCloses: PendingDayCloses; sweepExports(): number; sweepWishes(): number }> {
  // owner-only folder and files, checked (and tightened) before anything is opened
  const dataDirWarning = secureDataDir(opts.dataDir);
  const dbPath = path.join(opts.dataDir, DB_FILE);
  // SQLite creates the file 0644 and its -wal/-shm with the file's mode: made 0600 first
  if (!fs.existsSync(dbPath)) touchPrivateFile(dbPath);
  const db = openAndMigrate(dbPath);
  const clock = opts.clock ?? systemClock;
  const audit = createAudit(db, clock);
  const auditHead = createAuditHeadKeeper(db, opts.store);
  // the first start with a kept head (a new station, or one from before it was kept) starts it here
  auditHead.update();
  const write = createWriter(db, clock, audit.append, auditHead.update);
  const staff = createStaffService(db, clock, write);
  const stationSettings = createStationSettings(db, clock);
  const machine = createMachineSettings(opts.store);
  const auth = createAuth(db, clock, write, staff, stationSettings, () => machine.get().idleMinutes, loadLoginKey(opts.dataDir));
  const station = createStationInfo(db, clock);
  // the receipt's progress link is known once the worker (made below) has enrolled the station
  let publicUrlOf: () => string | null = () => null;
  const ctx: ServiceContext = { db, clock, audit, write, auth, machine, station, dataDir: opts.dataDir, resourcesDir: opts.resourcesDir ?? defaultResourcesDir(), countyPublicUrl: opts.countyPublicUrl ?? (() => publicUrlOf()) };

  const residents = createResidents(ctx);
  const catalogue = createCatalogue(ctx);
  const documents = createDocuments(ctx);
  const calendar = createCalendar(ctx);
  const intake = createIntake(ctx, { residents, catalogue, documents, calendar });
  const relief = createRelief(ctx, { calendar });
  const wishes = createWishes(ctx, { residents });
  const wishDocs = createWishDocs(ctx, { reader: wishReaderOf(wishes), documents });
  const sync = createSyncWorker({ db, write, clock, services: { intake, catalogue, calendar, relief }, countyUrl: () => machine.get().countyUrl, station: () => station.get(), ...opts.syncWorker });
  // 日结 forces its round and sends its summary through the worker; the worker retries the closes left 待确认
  const dayClose = createDayClose(ctx, { documents, sync: opts.sync ?? sync.port });
  sync.usePendingDayCloses(dayClose.pending);
  publicUrlOf = sync.publicUrl;
  if (opts.syncWorker?.autoStart !== false) sync.start();

  const reliefDocs = createReliefDocs(ctx, { relief, residents, documents });

  const exportAudit = createAuditExport({ db, clock, audit, write, station, dataDir: opts.dataDir });
  const grants = createGrants(db, clock, write);
  const exportsExpiry = createExportsExpiry({ dataDir: opts.dataDir, clock, write, keepDays: () => machine.get().exportKeepDays });
  exportsExpiry.sweep();
  exportsExpiry.start();
  // 微心愿 past their deadline are recorded 已过期 here and by the steps, never by a read
  const wishExpiry = createWishExpiry({ clock, sweep: wishes.sweep });
  wishExpiry.sweep();
  wishExpiry.start();
  const dayCloseHeads = db.prepare<[], { day: string; audit_seq: number; audit_hash: string }>('SELECT day, audit_seq, audit_hash FROM day_closes ORDER BY day');
  function recordedHeads(): RecordedHead[] {
    const kept: AuditHead | null = auditHead.read();
    return [...(kept ? [{ ...kept, source: '本机设置' }] : []), ...dayCloseHeads.all().map((d) => ({ seq: d.audit_seq, hash: d.audit_hash, source: `${d.day} 日结` }))];
  }

  const api: StationApi = {
    ...residents.api,
    ...catalogue.api,
    ...documents.api,
    ...intake.api,
    ...calendar.api,
    ...dayClose.api,
    ...relief.api,
    ...reliefDocs.api,
    ...wishes.api,
    ...wishDocs.api,
    ...createSyncApi(sync, { db, machine, write }),
    async 'app.info'() {
      const s = station.get();
      return { version: opts.version ?? '0.0.0', transport: opts.transport, setupNeeded: s === null, station: s, dataDir: opts.dataDir, dataDirWarning, now: clock.now().toISOString(), lobbyOrigin: opts.lobbyOrigin?.() ?? null };
    },
    async 'setup.init'({ station: st, admin }) {
      refusePasswordLike(admin.password, admin.login, 'admin.password');
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
    async 'auth.changePassword'({ current, next }, me) {
      return { changed: true as const, session: await auth.changePassword(me.id, current, next) };
    },

    async 'staff.list'() {
      return staff.list();
    },
    async 'staff.create'(input, me) {
      return staff.create(input, me.id);
    },
    async 'staff.update'(input, me) {
      return staff.update(input, me.id);
    },
    async 'staff.resetPassword'({ id, password }, me) {
      return staff.setPassword(id, password, me.id, 'staff.resetPassword');
    },
    async 'staff.unlock'({ id }, me) {
      return staff.unlock(id, me.id);
    },
    async 'staff.grants'() {
      return grants.list();
    },
    async 'staff.setGrant'(input, me) {
      return grants.set(input, me.id);
    },
    async 'staff.myPermissions'(_input, me) {
      return grants.permissionsOf(me);
    },

    async 'station.get'() {
      return station.get();
    },
    async 'station.update'(input, me) {
      return write((tx) => station.save(tx, input, me.id));
    },

    async 'settings.get'() {
      return machine.get();
    },
    async 'settings.update'(patch, me) {
      const { before, after } = machine.update(patch);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
      if (changed.length > 0) {
        write((tx) => tx.note({ actorId: me.id, action: 'settings.update', entity: 'settings', entityId: 'machine', detail: { changed } }));
      }
      return after;
    },

    async 'audit.list'({ limit, beforeSeq }) {
      return audit.list(limit, beforeSeq);
    },
    async 'audit.search'({ filter, page, pageSize }) {
      return audit.search(filter, (page - 1) * pageSize, pageSize);
    },
    async 'audit.actions'() {
      return audit.actions();
    },
    async 'audit.export'({ filter }, me) {
      return exportAudit(filter, me.id);
    },
    async 'audit.verify'() {
      const heads = recordedHeads();
      return { ...audit.verify(heads), heads: heads.length };
    },
  };

  return {
    api,
    services: { intake, catalogue, calendar },
    /** the hall screen's one read (main/host/lobby.ts) */
    lobby: { wall: (token, filter) => wishes.lobbyWall(token, filter) },
    /** 微心愿 for main's own callers (printing, tests) */
    wishes,
    sync,
    callerFor: createCallerResolver(auth, (name, who, input) => residents.refused(name, who, input), grants.grantsOf),
    dbPath,
    /** the closes still 待确认, for the sync worker to retry */
    pendingDayCloses: dayClose.pending,
    /** Parses the receipt fonts ahead of the first receipt; call once the window is up. */
    warmUp: () => documents.warmUp(),
    /** Removes the exports older than the setting now (also done at start and hourly). */
    sweepExports: () => exportsExpiry.sweep(),
    /** Records 已过期 for the wishes past their deadline now (also done at start, hourly and when the date changes). */
    sweepWishes: () => wishExpiry.sweep(),
    close() {
      exportsExpiry.stop();
      wishExpiry.stop();
      sync.halt();
      if (db.open) db.close();
    },
  };
}
