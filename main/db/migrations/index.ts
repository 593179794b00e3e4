import m0001 from './0001-init.sql?raw';
import m0002 from './0002-residents.sql?raw';
import m0003 from './0003-catalogue.sql?raw';
import m0004 from './0004-intake.sql?raw';
import m0005 from './0005-documents.sql?raw';
import m0006 from './0006-calendars.sql?raw';
import m0007 from './0007-intake-more.sql?raw';
import m0008 from './0008-residents-search.sql?raw';
import m0009 from './0009-staff-password-change.sql?raw';
import m0010 from './0010-outbox.sql?raw';
import m0011 from './0011-requests.sql?raw';
import m0012 from './0012-sync.sql?raw';
import m0013 from './0013-dayclose.sql?raw';
import m0014 from './0014-intake-check-code.sql?raw';
import m0016 from './0016-staff-grants.sql?raw';
import m0019 from './0019-wishes.sql?raw';
import m0021 from './0021-relief.sql?raw';
import m0022 from './0022-wish-masked-names.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a migration's version is its number and is never reused. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-init', sql: m0001 },
  { version: 2, name: '0002-residents', sql: m0002 },
  { version: 3, name: '0003-catalogue', sql: m0003 },
  { version: 4, name: '0004-intake', sql: m0004 },
  { version: 5, name: '0005-documents', sql: m0005 },
  { version: 6, name: '0006-calendars', sql: m0006 },
  { version: 7, name: '0007-intake-more', sql: m0007 },
  { version: 8, name: '0008-residents-search', sql: m0008 },
  { version: 9, name: '0009-staff-password-change', sql: m0009 },
  { version: 10, name: '0010-outbox', sql: m0010 },
  { version: 11, name: '0011-requests', sql: m0011 },
  { version: 12, name: '0012-sync', sql: m0012 },
  { version: 13, name: '0013-dayclose', sql: m0013 },
  { version: 14, name: '0014-intake-check-code', sql: m0014 },
  { version: 16, name: '0016-staff-grants', sql: m0016 },
  { version: 19, name: '0019-wishes', sql: m0019 },
  { version: 21, name: '0021-relief', sql: m0021 },
  { version: 22, name: '0022-wish-masked-names', sql: m0022 },
];
