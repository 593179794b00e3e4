/** What an e2e spec needs of the county server, bundled by county.ts (the migrations are `?raw` SQL imports). */
export { createCountyServer } from '../../county/server';
export { migrate } from '../../county/db/migrate';
export { openPglite } from '../../county/db/pglite';
