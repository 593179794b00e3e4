/**
 * A station process for the kill tests: opens the station in DATA_DIR with its sync worker,
 * runs one round against the county it is enrolled at, and says how it went on stdout. With
 * KILL_AT=n it SIGKILLs itself on the n-th county decision it applies, in the middle of the
 * pull page's transaction. Bundled by tests/integration/sync-kill.test.ts with esbuild.
 */
import path from 'node:path';
import { createStation } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import { createHttpTarget } from '../../main/sync/http-target';

const dataDir = process.env.DATA_DIR!;
const killAt = Number(process.env.KILL_AT ?? 0);

const station = await createStation({
  dataDir,
  transport: 'browser',
  store: memoryStore(),
  resourcesDir: path.resolve(process.env.RESOURCES_DIR!),
  sync: { autoStart: false, target: (url) => createHttpTarget(url, { totalTimeoutMs: 60_000 }) },
});
if (killAt > 0) {
  let n = 0;
  const intake = station.services.intake;
  const transition = intake.transition.bind(intake);
  intake.transition = (input, actor) => {
    n += 1;
    if (n === killAt) process.kill(process.pid, 'SIGKILL');
    return transition(input, actor);
  };
}
process.stdout.write('ready\n');
const r = await station.sync.runOnce();
process.stdout.write(`${JSON.stringify(r)}\n`);
station.close();
