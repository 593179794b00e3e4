/**
 * A station process for the fuzz run's kills (tests/helpers/fuzz/kill.ts): opens the station in
 * DATA_DIR, signs the administrator in, then writes through the real write path without end —
 * a resident, then a 代办 acceptance with its receipt number — printing one ACK line for each
 * write the call has answered (committed), until it is SIGKILLed. Bundled with esbuild.
 */
import path from 'node:path';
import { createStation } from '../../../main/station';
import { memoryStore } from '../../../main/settings-store';
import { checkCharOf } from '../../../common/idcard';
import { clientOf, ADMIN } from '../station';

const dataDir = process.env.DATA_DIR!;
const run = Number(process.env.RUN ?? 0);
const residentId = process.env.RESIDENT_ID!;
const itemCode = process.env.ITEM_CODE!;
const materials = JSON.parse(process.env.MATERIALS ?? '[]') as string[];

const station = await createStation({ dataDir, transport: 'browser', store: memoryStore(), resourcesDir: path.resolve(process.env.RESOURCES_DIR!) });
const api = clientOf(station);
await api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
process.stdout.write('READY\n');

const ack = (o: object) => process.stdout.write(`ACK ${JSON.stringify(o)}\n`);
for (let i = 0; ; i++) {
  // a 身份证号 no earlier run used: the birth day from the run, the serial from the write
  const day = String(1 + (run % 28)).padStart(2, '0');
  const month = String(1 + Math.floor(run / 28) % 12).padStart(2, '0');
  const first17 = `130102${1950 + (i % 40)}${month}${day}${String(100 + Math.floor(i / 40)).slice(-3)}`;
  const idNumber = first17 + checkCharOf(first17);
  const requestId = crypto.randomUUID();
  const r = await api['residents.create']({ requestId, name: '王𪚥', idNumber, address: `建北街道 ${run}-${i} 号` });
  ack({ kind: 'resident', id: r.id, requestId });
  const a = await api['intake.accept']({ requestId: crypto.randomUUID(), residentId, itemCode, materialsReceived: materials, note: `第 ${run} 轮第 ${i} 件` });
  ack({ kind: 'intake', id: a.record.id, receiptNo: a.record.receiptNo });
}
