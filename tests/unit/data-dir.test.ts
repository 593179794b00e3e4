/** The data folder's permissions as plain functions: the Windows ACL command and the mode check. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataDirModes, modeWarning, secureDataDir, windowsAclArgs, windowsUser } from '../../main/data-dir';
import { tempDir } from '../helpers/station';

describe('the Windows data folder ACL', () => {
  it('removes inherited entries and gives the current user alone full control, inherited by everything inside', () => {
    expect(windowsAclArgs('C:\\Users\\王芳\\AppData\\Roaming\\StationDesk', 'JBJD-PC01\\王芳')).toEqual([
      'C:\\Users\\王芳\\AppData\\Roaming\\StationDesk',
      '/inheritance:r',
      '/grant:r',
      'JBJD-PC01\\王芳:(OI)(CI)F',
      '/Q',
    ]);
  });

  it('names the user as Windows spells it, and refuses a name icacls would misread', () => {
    expect(windowsUser({ USERNAME: 'wangfang', USERDOMAIN: 'JBJD' })).toBe('JBJD\\wangfang');
    expect(windowsUser({ USERNAME: 'wangfang' })).toBe('wangfang');
    expect(windowsUser({})).toBeNull();
    expect(() => windowsAclArgs('C:\\x', 'a:(F)')).toThrow();
    expect(() => windowsAclArgs('C:\\x', ' ')).toThrow();
  });

  it('runs icacls with those arguments on win32 only, and says so in Chinese when it cannot', () => {
    const dir = path.join(tempDir(), 'win');
    const ran: string[][] = [];
    expect(secureDataDir(dir, { platform: 'win32', env: { USERNAME: 'wf', USERDOMAIN: 'PC' }, runIcacls: (a) => void ran.push(a) })).toBeNull();
    expect(ran).toEqual([windowsAclArgs(dir, 'PC\\wf')]);
    expect(secureDataDir(dir, { platform: 'win32', env: {}, runIcacls: (a) => void ran.push(a) })).toMatch(/无法确定当前 Windows 用户/);
    expect(secureDataDir(dir, { platform: 'win32', env: { USERNAME: 'wf' }, runIcacls: () => { throw new Error('icacls failed'); } })).toBe('数据目录的访问权限未能限制为仅当前用户，请联系管理员');
    expect(ran).toHaveLength(1);
  });
});

describe.runIf(process.platform !== 'win32')('the mode check', () => {
  it('counts and fixes what group or others may read, and leaves the rest alone', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'exports'), { mode: 0o750 });
    fs.writeFileSync(path.join(dir, 'exports', 'a.xlsx'), 'x', { mode: 0o640 });
    fs.writeFileSync(path.join(dir, 'ok.db'), 'x', { mode: 0o600 });
    fs.chmodSync(path.join(dir, 'exports'), 0o750);
    fs.chmodSync(path.join(dir, 'exports', 'a.xlsx'), 0o640);
    expect(checkDataDirModes(dir, false)).toEqual({ tooOpen: 2, fixed: 0, unfixed: ['exports', path.join('exports', 'a.xlsx')] });
    expect(checkDataDirModes(dir)).toEqual({ tooOpen: 2, fixed: 2, unfixed: [] });
    expect(fs.statSync(path.join(dir, 'exports', 'a.xlsx')).mode & 0o777).toBe(0o600);
    expect(checkDataDirModes(dir)).toEqual({ tooOpen: 0, fixed: 0, unfixed: [] });
  });

  it('enters an owner-only folder below the top only when a folder above it was too open (no one else reaches it otherwise)', () => {
    const dir = tempDir();
    const month = path.join(dir, 'documents', '2026', '11');
    fs.mkdirSync(month, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(month, 'a.pdf'), 'x');
    fs.chmodSync(path.join(month, 'a.pdf'), 0o644);
    fs.writeFileSync(path.join(dir, 'top.json'), 'x');
    fs.chmodSync(path.join(dir, 'top.json'), 0o644);
    // no other user reaches a.pdf through 0700 folders: only the top file counts
    expect(checkDataDirModes(dir, false)).toMatchObject({ tooOpen: 1, unfixed: ['top.json'] });
    // an older build's documents folder: it and everything below it
    fs.chmodSync(path.join(dir, 'documents'), 0o755);
    expect(checkDataDirModes(dir)).toEqual({ tooOpen: 3, fixed: 3, unfixed: [] });
    expect(fs.statSync(path.join(month, 'a.pdf')).mode & 0o777).toBe(0o600);
  });

  it('words the warning for the status line', () => {
    expect(modeWarning({ tooOpen: 0, fixed: 0, unfixed: [] })).toBeNull();
    expect(modeWarning({ tooOpen: 3, fixed: 3, unfixed: [] })).toMatch(/已自动改为仅当前用户可访问/);
    expect(modeWarning({ tooOpen: 3, fixed: 1, unfixed: ['a', 'b'] })).toMatch(/其中 2 个无法自动修改/);
  });
});
