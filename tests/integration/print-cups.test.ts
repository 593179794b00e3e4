/**
 * Prints for real: through `lp` to a CUPS virtual PDF printer (Debian's cups and
 * printer-driver-cups-pdf), set up by scripts/cups-setup.sh. cups-pdf re-renders what it
 * receives, so the check is that the job completed and produced a one-page PDF.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrintableDocument } from '../../main/pdf/types';
import { createPrinting } from '../../main/services/printing';
import { memoryStore } from '../../main/settings-store';
import { createMachineSettings } from '../../main/services/settings';
import { expectAppError, manualClock, setUpStation, type CallError } from '../helpers/station';
import { documentsService } from '../helpers/documents';
import { addStaff } from '../helpers/staff';
import { acceptanceData, pdfInfo } from '../helpers/pdf';

const PRINTER = 'StationPDF';
const SETUP = path.resolve(import.meta.dirname, '../../scripts/cups-setup.sh');

interface Cups {
  ready: boolean;
  reason: string;
  outDir: string;
}

/**
 * Only a machine that cannot have CUPS (not Linux, or not root to install and start it)
 * skips, and says why; on a Debian machine as root — this one, CI — a set-up failure fails.
 */
function setUpCups(): Cups {
  const r = spawnSync('bash', [SETUP, PRINTER], { encoding: 'utf8', timeout: 240_000 });
  if (r.status === 3) return { ready: false, reason: r.stderr.trim(), outDir: '' };
  if (r.status !== 0) throw new Error(`scripts/cups-setup.sh failed (${r.status ?? r.signal}): ${r.stderr}`);
  const outDir = /^out=(.+)$/m.exec(r.stdout)?.[1];
  if (!outDir) throw new Error(`scripts/cups-setup.sh did not say where cups-pdf writes: ${r.stdout}`);
  return { ready: true, reason: '', outDir };
}

let cups: Cups = { ready: false, reason: 'not set up', outDir: '' };
beforeAll(() => {
  cups = setUpCups();
  if (!cups.ready) console.warn(`⚠ 打印测试跳过：${cups.reason}`);
}, 300_000);

function completedJobs(): string {
  return execFileSync('lpstat', ['-W', 'completed', '-o', PRINTER], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
}

/** Waits for CUPS to finish the job and returns the PDF cups-pdf wrote for it. */
async function finishedOutput(jobId: string): Promise<string> {
  const n = jobId.split('-').at(-1)!;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const done = completedJobs().split('\n').some((l) => l.split(/\s+/)[0] === jobId);
    const out = fs.existsSync(cups.outDir) ? fs.readdirSync(cups.outDir).find((f) => f.endsWith(`job_${n}.pdf`)) : undefined;
    if (done && out) return path.join(cups.outDir, out);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} did not complete within 60 s; queue: ${execFileSync('lpstat', ['-o'], { encoding: 'utf8' })}`);
}

/** Page 1 in grey at 100 dpi, as pdftoppm draws it. */
function grey(file: string): { w: number; h: number; px: Uint8Array } {
  const pgm = execFileSync('pdftoppm', ['-r', '100', '-gray', '-f', '1', '-l', '1', file], { maxBuffer: 64 * 1024 * 1024 });
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
  return { w: Number(head[1]), h: Number(head[2]), px: pgm.subarray(head[0].length) };
}

/** Share of the original's dark pixels that the printed page also has dark at the same place. */
function inkKept(original: string, printed: string): number {
  const a = grey(original);
  const b = grey(printed);
  let dark = 0;
  let kept = 0;
  for (let y = 0; y < a.h; y++) {
    for (let x = 0; x < a.w; x++) {
      if (a.px[y * a.w + x]! >= 128) continue;
      dark++;
      // a pixel's neighbourhood: the re-rendered page may be off by one
      let hit = false;
      for (let dy = -1; dy <= 1 && !hit; dy++) for (let dx = -1; dx <= 1 && !hit; dx++) {
        const yy = y + dy;
        const xx = x + dx;
        if (yy >= 0 && yy < b.h && xx >= 0 && xx < b.w && b.px[yy * b.w + xx]! < 160) hit = true;
      }
      if (hit) kept++;
    }
  }
  return kept / dark;
}

const DOC: PrintableDocument = { kind: 'intake.acceptance', data: acceptanceData() };
const REF = { entity: 'intake', entityId: 'intake-1', number: '130102001-20261127-0003' };

describe('printing through CUPS', () => {
  it('prints the original, then a 补打 copy, each to completion as a one-page PDF, counted and audited', async (t) => {
    if (!cups.ready) return t.skip(cups.reason);
    const clock = manualClock('2026-11-27T01:05:00.000Z');
    const s = await setUpStation({ clock });
    const me = (await s.api['auth.session']({}))!.staff;
    const svc = documentsService(s.dataDir, clock);
    const meta = await svc.docs.issue(DOC, REF, me.id);
    await s.api['settings.update']({ printer: PRINTER });

    const first = await s.api['documents.print']({ id: meta.id });
    expect(first).toMatchObject({ printer: PRINTER, reprint: false, reprintNo: null, printCount: 1 });
    expect(first.jobId).toMatch(new RegExp(`^${PRINTER}-\\d+$`));
    const out1 = await finishedOutput(first.jobId!);
    expect(pdfInfo(out1).pages).toBe(1);
    fs.rmSync(out1);

    const again = await s.api['documents.print']({ id: meta.id });
    expect(again).toMatchObject({ printer: PRINTER, reprint: true, reprintNo: 1, printCount: 2 });
    expect(again.jobId).not.toBe(first.jobId);
    const out2 = await finishedOutput(again.jobId!);
    expect(pdfInfo(out2).pages).toBe(1);
    fs.rmSync(out2);
    expect(fs.existsSync(path.join(s.dataDir, 'documents/2026/11', `${REF.number}-intake.acceptance-reprint-1.pdf`))).toBe(true);

    const log = (await s.api['audit.list']({ limit: 10 })).filter((e) => e.action === 'document.print');
    expect(log.map((e) => [e.detail.copyNo, e.detail.reprintNo, e.detail.printer, e.detail.jobId])).toEqual([
      [2, 1, PRINTER, again.jobId],
      [1, null, PRINTER, first.jobId],
    ]);
    expect((await s.api['documents.get']({ id: meta.id })).document.printCount).toBe(2);
    svc.close();
    s.close();
  }, 180_000);

  it('prints an 80 mm receipt at its own size, unscaled, with every field on the paper', async (t) => {
    if (!cups.ready) return t.skip(cups.reason);
    const clock = manualClock('2026-11-27T01:05:00.000Z');
    const s = await setUpStation({ clock });
    const me = (await s.api['auth.session']({}))!.staff;
    const svc = documentsService(s.dataDir, clock);
    const meta = await svc.docs.issue(DOC, REF, me.id, { layout: 'thermal80' });
    await s.api['settings.update']({ printer: PRINTER });
    const original = path.join(s.dataDir, 'documents/2026/11', `${REF.number}-intake.acceptance.pdf`);
    const size = pdfInfo(original);
    expect(size.width).toBeCloseTo(226.77, 1); // 80 mm

    const job = await s.api['documents.print']({ id: meta.id });
    const printed = await finishedOutput(job.jobId!);
    const out = pdfInfo(printed);
    expect(out.pages).toBe(1);
    // Its own size (cups-pdf rounds to whole points), not the queue's A4.
    expect(Math.abs(out.width - size.width)).toBeLessThan(1.5);
    expect(Math.abs(out.height - size.height)).toBeLessThan(1.5);
    // cups-pdf re-renders the text as Type 3 bitmaps, so pdftotext cannot read it back; the
    // page itself is compared instead: every mark of the original — header, applicant, id,
    // QR code, signature lines — is on the printed page at the same place, so nothing was cut
    // off or scaled.
    expect(inkKept(original, printed)).toBeGreaterThan(0.97);
    fs.rmSync(printed);
    svc.close();
    s.close();
  }, 120_000);

  it('with no printer chosen, says so as the printer field, and lets a clerk choose one there, kept for the machine', async (t) => {
    if (!cups.ready) return t.skip(cups.reason);
    const clock = manualClock('2026-11-27T01:05:00.000Z');
    const s = await setUpStation({ clock });
    await addStaff(s.api, { name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    await s.api['auth.signOut']({});
    await s.api['auth.signIn']({ login: 'lina', password: 'Counter123' });
    const me = (await s.api['auth.session']({}))!.staff;
    const svc = documentsService(s.dataDir, clock);
    const meta = await svc.docs.issue(DOC, REF, me.id);
    const none = await s.client['documents.print']({ id: meta.id }).catch((e: unknown) => e as CallError);
    expect(none).toMatchObject({ code: 'UNAVAILABLE', fields: { printer: '尚未选择打印机' } });

    expect(await expectAppError(s.client['printers.choose']({ printer: 'NoSuchPrinter' }), 'VALIDATION')).toContain('本机没有名为“NoSuchPrinter”的打印机');
    expect(await s.client['printers.choose']({ printer: PRINTER })).toEqual({ selected: PRINTER });
    expect((await s.client['settings.get']({})).printer).toBe(PRINTER);
    const job = await s.client['documents.print']({ id: meta.id });
    expect(job.printer).toBe(PRINTER);
    fs.rmSync(await finishedOutput(job.jobId!));
    // Changing a chosen printer is a setting: not for a clerk.
    expect(await expectAppError(s.client['printers.choose']({ printer: PRINTER }), 'FORBIDDEN')).toContain('设置 → 本机设置');
    await s.api['auth.signOut']({});
    await s.api['auth.signIn']({ login: 'admin', password: 'Station2026' });
    const log = (await s.api['audit.list']({ limit: 20 })).filter((e) => e.action === 'settings.update');
    expect(log.map((e) => [e.actorId, e.detail.changed])).toEqual([[me.id, ['printer']]]);
    svc.close();
    s.close();
  }, 120_000);

  it('lists the CUPS printers', async (t) => {
    if (!cups.ready) return t.skip(cups.reason);
    const s = await setUpStation();
    await s.api['settings.update']({ printer: PRINTER });
    const list = await s.api['printers.list']({});
    expect(list.problem).toBeNull();
    expect(list.selected).toBe(PRINTER);
    expect(list.printers.map((p) => p.name)).toContain(PRINTER);
    s.close();
  });

  it('tells the clerk in Chinese, with CUPS’s reason, when the printer does not exist, and counts nothing', async (t) => {
    if (!cups.ready) return t.skip(cups.reason);
    const clock = manualClock('2026-11-27T01:05:00.000Z');
    const s = await setUpStation({ clock });
    const me = (await s.api['auth.session']({}))!.staff;
    const svc = documentsService(s.dataDir, clock);
    const meta = await svc.docs.issue(DOC, REF, me.id);
    await s.api['settings.update']({ printer: 'NoSuchPrinter' });
    const msg = await expectAppError(s.api['documents.print']({ id: meta.id }), 'UNAVAILABLE');
    expect(msg).toMatch(/^打印机“NoSuchPrinter”不存在或已被删除：请在 设置 → 本机设置 中重新选择（系统提示：.+）$/);
    expect(msg).not.toMatch(/\n|at .*\.ts/);
    expect((await s.api['documents.get']({ id: meta.id })).document.printCount).toBe(0);

    // A failed 补打 leaves no stray copy behind either.
    await s.api['settings.update']({ printer: PRINTER });
    await s.api['documents.print']({ id: meta.id });
    await s.api['settings.update']({ printer: 'NoSuchPrinter' });
    await expectAppError(s.api['documents.print']({ id: meta.id }), 'UNAVAILABLE');
    expect(fs.readdirSync(path.join(s.dataDir, 'documents/2026/11')).filter((f) => f.includes('reprint'))).toEqual([]);
    expect((await s.api['documents.get']({ id: meta.id })).document.printCount).toBe(1);
    svc.close();
    s.close();
  }, 60_000);

  it('says so when the print system does not answer in time', async (t) => {
    if (!cups.ready) return t.skip(cups.reason);
    const machine = createMachineSettings(memoryStore());
    machine.update({ printer: PRINTER });
    // A PATH whose `lp` never returns: the timeout is ours to enforce.
    const bin = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'sd-lp-'));
    fs.writeFileSync(path.join(bin, 'lp'), '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const printing = createPrinting({ machine, resourcesDir: '' }, { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, timeoutMs: 500 });
    expect(await expectAppError(printing.printFile('/dev/null', 'x'), 'UNAVAILABLE')).toBe('打印服务在 1 秒内没有响应：请检查打印机是否开机、连接是否正常后重试');
  });
});
