import type { Db } from './db/open';
import type { Write } from './db/write';
import type { Clock } from './clock';
import type { Audit } from './services/audit';
import type { Auth } from './services/auth';
import type { MachineSettingsService } from './services/settings';
import type { StationInfo } from './services/station-info';
import type { CallName, StationApi } from '../common/contract';
import type { Actor } from '../common/actor';

/** What every capability's services get: passed in, never imported, so tests can vary it. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  audit: Audit;
  /** the one write path: every change to the database goes through it */
  write: Write;
  auth: Auth;
  machine: MachineSettingsService;
  station: StationInfo;
  /** the station's data folder (database, config.json, archived PDFs) */
  dataDir: string;
  /** shipped read-only resources: fonts, calendars, catalogue seed */
  resourcesDir: string;
}

/** The slice of the contract one capability implements, e.g. ApiPart<'residents.search' | …>. */
export type ApiPart<K extends CallName> = { [N in K]: StationApi[N] };

/**
 * Who a service acts for (DESIGN.md §4): a signed-in staff member, or the county when sync
 * applies a decision. Services take one as an argument and never read the session.
 */
export type { Actor, StaffActor, CountyActor } from '../common/actor';

/** The county as an actor; name is the county staff member who decided, for the history. */
export function countyActor(name: string): Actor {
  return { kind: 'county', id: null, name };
}

/** What an audit row says beyond its actorId: a county-made change names the county's decider. */
export function actorDetail(actor: Actor): Record<string, unknown> {
  return actor.kind === 'county' ? { by: 'county', name: actor.name } : {};
}
