import m0001 from './0001-init.sql?raw';
import m0002 from './0002-wishes.sql?raw';
import m0003 from './0003-relief.sql?raw';
import m0004 from './0004-wish-masked-names.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a migration's version is its number and is never reused. The same files run on PGlite and on PostgreSQL. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-init', sql: m0001 },
  { version: 2, name: '0002-wishes', sql: m0002 },
  { version: 3, name: '0003-relief', sql: m0003 },
  { version: 4, name: '0004-wish-masked-names', sql: m0004 },
];
