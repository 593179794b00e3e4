/**
 * Issue 8, item 4: everything the station writes under its data folder is the OS user's
 * alone — the folder and its folders 0700, the database, its WAL and SHM, config.json, the
 * exports and the archived PDFs 0600 — and a folder found too open at start is tightened
 * and said so (in Chinese, through app.info for the status line). Real files, real modes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStation } from '../../main/station';
import { jsonFileStore } from '../../main/host/json-store';
import { DB_FILE } from '../../main/paths';
import { ADMIN, STATION, clientOf, manualClock, tempDir } from '../helpers/station';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? [p, ...walk(p)] : [p];
  });
}

async function open(dataDir: string) {
  const st = await createStation({ dataDir, transport: 'browser', store: jsonFileStore(dataDir), clock: manualClock(), syncWorker: { autoStart: false } });
  return { st, api: clientOf(st) };
}

describe.runIf(process.platform !== 'win32')('the data folder is owner-only', () => {
  it('creates the folder 0700 and every file in it 0600: database, WAL, SHM, config.json, exports, archived PDFs', async () => {
    // a umask that would leave everything world-readable, as on most Linux desktops
    const old = process.umask(0o022);
    try {
      const dataDir = path.join(tempDir(), 'nested', 'StationDesk');
      const { st, api } = await open(dataDir);
      await api['setup.init']({ station: STATION, admin: ADMIN });
      await api['settings.update']({ printer: 'StationPDF' });
      const r = await api['residents.create']({ name: '张堃', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号', tags: [{ tag: '独居老人', since: '2024-05-01' }] });
      const item = await api['catalogue.get']({ code: 'DB-003' });
      const accepted = (await api['intake.accept']({ residentId: r.id, itemCode: item.code, materialsReceived: item.materials })).record;
      const docs = await api['documents.listFor']({ entity: 'intake', entityId: accepted.id });
      expect(docs.length).toBeGreaterThan(0);
      await api['residents.exportLedger']({ filter: {}, fullIdNumbers: true });
      await api['audit.export']({ filter: {} });

      const files = walk(dataDir);
      const names = files.map((f) => path.relative(dataDir, f));
      expect(names).toEqual(expect.arrayContaining([DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, 'config.json', 'exports']));
      expect(names.some((n) => n.startsWith('documents') && n.endsWith('.pdf'))).toBe(true);
      expect(names.filter((n) => n.startsWith('exports' + path.sep))).toHaveLength(2);
      expect(mode(dataDir)).toBe(0o700);
      const wrong = files.filter((f) => mode(f) !== (fs.statSync(f).isDirectory() ? 0o700 : 0o600)).map((f) => `${path.relative(dataDir, f)} ${mode(f).toString(8)}`);
      expect(wrong).toEqual([]);
      expect((await api['app.info']({})).dataDirWarning).toBeNull();
      st.close();
    } finally {
      process.umask(old);
    }
  });

  it('tightens a folder found too open at start and says so in the status line', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir);
    await first.api['setup.init']({ station: STATION, admin: ADMIN });
    await first.api['residents.exportLedger']({ filter: {} });
    first.st.close();
    // as an older build (or a copy with cp) left it
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, DB_FILE), 0o644);
    const exported = fs.readdirSync(path.join(dataDir, 'exports'))[0]!;
    fs.chmodSync(path.join(dataDir, 'exports'), 0o755);
    fs.chmodSync(path.join(dataDir, 'exports', exported), 0o644);

    const again = await open(dataDir);
    const info = await again.api['app.info']({});
    expect(info.dataDirWarning).toBe('数据目录中有 4 个文件或文件夹曾可被本机其他用户读取，已自动改为仅当前用户可访问');
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, DB_FILE))).toBe(0o600);
    expect(mode(path.join(dataDir, 'exports'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'exports', exported))).toBe(0o600);
    again.st.close();

    // fixed once, quiet after
    const third = await open(dataDir);
    expect((await third.api['app.info']({})).dataDirWarning).toBeNull();
    third.st.close();
  });
});
