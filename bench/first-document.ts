/**
 * Click-to-dialog of the first document of a session (issue 6, item 13): the first 办结 and
 * the first 一次性告知书 in a fresh process, timed around the call the renderer waits for
 * before it opens the preview (intake.transition / intake.notice), with and without the
 * start-up warm-up; then the same once warm. Each cold figure is its own child process, so
 * nothing parsed by one run helps the next. Target: under 300 ms to the dialog.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStation } from '../main/station';
import { memoryStore } from '../main/settings-store';
import { clientOf } from '../tests/helpers/station';
import { benchRoot, median, report } from './lib';

type Case = 'completion' | 'notice';
const RUNS = 5;
const STATION = { code: '130102001', name: '长安区建北街道党群服务中心', county: '石家庄市长安区', address: '建北街道中山东路 12 号', phone: '0311-86012345' };

interface Prepared {
  dataDir: string;
  residentId: string;
  itemCode: string;
  materials: string[];
  recordId: string;
  version: number;
}

const clock = { now: () => new Date('2026-11-27T01:00:00.000Z') };
const resourcesDir = path.join(benchRoot, 'resources');

/** A station with one resident and one forwarded item, made in the parent (which is not timed). */
async function prepare(): Promise<Prepared> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-doc-'));
  const s = await createStation({ dataDir, transport: 'browser', store: memoryStore(), clock, resourcesDir });
  const c = clientOf(s);
  await c['setup.init']({ station: STATION, admin: { name: '王建国', login: 'admin', password: 'Station2026' } });
  const resident = await c['residents.create']({ name: '卫𪚥', idNumber: '11010519491231002X', phone: '13800138000', address: '中山东路 3 号' });
  const item = await c['catalogue.get']({ code: 'DB-003' });
  const acc = await c['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
  const fwd = await c['intake.forward']({
    items: [{ id: acc.record.id, version: acc.record.version }],
    department: item.department,
    channel: 'paper',
    receiverName: '李娜',
    receivedAt: clock.now().toISOString(),
  });
  const forwarded = fwd.records[0]!;
  await c['documents.listFor']({ entity: 'intake', entityId: acc.record.id }); // the receipt is made
  if (fwd.documentId) await c['documents.get']({ id: fwd.documentId }); // and the 转报单
  s.close();
  return { dataDir, residentId: resident.id, itemCode: item.code, materials: item.materials, recordId: forwarded.id, version: forwarded.version };
}

/** One measurement in a fresh process: opens the prepared station, (warms up,) then times the call. */
async function child(which: Case, warm: boolean, p: Prepared): Promise<void> {
  const s = await createStation({ dataDir: p.dataDir, transport: 'browser', store: memoryStore(), clock, resourcesDir });
  const c = clientOf(s);
  await c['auth.signIn']({ login: 'admin', password: 'Station2026' });
  // The app warms up a moment after start-up; by the clerk's first 办结 it has long finished.
  if (warm) await s.warmUp();
  const t0 = process.hrtime.bigint();
  const r =
    which === 'completion'
      ? await c['intake.transition']({ id: p.recordId, to: 'completed', version: p.version, result: '已办结' })
      : await c['intake.notice']({ residentId: p.residentId, itemCode: p.itemCode, materialsReceived: p.materials.slice(0, 1) });
  const first = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!r.documentId) throw new Error(`no document: ${r.documentError}`);
  // What the preview then asks for: the PDF itself.
  await c['documents.get']({ id: r.documentId });
  const pdf = Number(process.hrtime.bigint() - t0) / 1e6;
  // Once warm: the next document-making call (a 领取 after the 办结; another notice).
  const t1 = process.hrtime.bigint();
  if (which === 'completion' && 'record' in r) await c['intake.transition']({ id: p.recordId, to: 'collected', version: r.record.version, receiverName: '卫𪚥' });
  else await c['intake.notice']({ residentId: p.residentId, itemCode: p.itemCode, materialsReceived: p.materials.slice(0, 1) });
  const again = Number(process.hrtime.bigint() - t1) / 1e6;
  await c['documents.listFor']({ entity: 'intake', entityId: p.recordId });
  s.close();
  process.stdout.write(`RESULT ${JSON.stringify({ first, pdf, again })}\n`);
}

if (process.env.SD_BENCH_CHILD) {
  const [which, warm, file] = process.env.SD_BENCH_CHILD.split('|') as [Case, string, string];
  await child(which, warm === 'warm', JSON.parse(fs.readFileSync(file, 'utf8')) as Prepared);
  process.exit(0);
}

const template = await prepare();

interface Figures {
  first: number;
  pdf: number;
  again: number;
}

function measure(which: Case, warm: boolean): Figures {
  const runs: Figures[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-doc-'));
    fs.cpSync(template.dataDir, dataDir, { recursive: true });
    const file = path.join(dataDir, 'bench-case.json');
    fs.writeFileSync(file, JSON.stringify({ ...template, dataDir }));
    const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, SD_BENCH_CHILD: `${which}|${warm ? 'warm' : 'cold'}|${file}`, BENCH_ROOT: benchRoot, STATIONDESK_QUIET: '1' }, encoding: 'utf8' });
    fs.rmSync(dataDir, { recursive: true, force: true });
    const line = /RESULT (.+)/.exec(out.stdout)?.[1];
    if (!line) throw new Error(`bench child failed: ${out.stderr}`);
    runs.push(JSON.parse(line) as Figures);
  }
  return { first: median(runs.map((r) => r.first)), pdf: median(runs.map((r) => r.pdf)), again: median(runs.map((r) => r.again)) };
}

const completionCold = measure('completion', false);
const completionWarm = measure('completion', true);
const noticeCold = measure('notice', false);
const noticeWarm = measure('notice', true);

report('first-document', {
  first_completion_ms: { value: completionWarm.first, unit: 'ms', note: `first 办结 of a session (warm-up at start, as the app does), median of ${RUNS} processes; target < 300` },
  first_completion_no_warmup_ms: { value: completionCold.first, unit: 'ms', note: 'the same without the start-up warm-up' },
  first_notice_ms: { value: noticeWarm.first, unit: 'ms', note: 'first 一次性告知书 of a session (warm-up at start); target < 300' },
  first_notice_no_warmup_ms: { value: noticeCold.first, unit: 'ms', note: 'the same without the start-up warm-up' },
  first_completion_pdf_ms: { value: completionWarm.pdf, unit: 'ms', note: 'from the same click until the preview has the PDF (documents.get answered)' },
  first_notice_pdf_ms: { value: noticeWarm.pdf, unit: 'ms', note: 'the same for the 一次性告知书' },
  next_collected_ms: { value: completionWarm.again, unit: 'ms', note: 'the next document-making call once warm (领取)' },
  next_notice_ms: { value: noticeWarm.again, unit: 'ms', note: 'the next 一次性告知书 once warm' },
});
fs.rmSync(template.dataDir, { recursive: true, force: true });
