import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonFileStore } from '../../main/host/json-store';
import { createMachineSettings, DEFAULT_MACHINE_SETTINGS } from '../../main/services/settings';
import { tempDir } from '../helpers/station';

describe('browser-mode machine settings file', () => {
  it('keeps settings in config.json across restarts, readable by the OS user only', () => {
    const dir = tempDir('sd-cfg-');
    createMachineSettings(jsonFileStore(dir)).update({ printer: 'StationPDF', idleMinutes: 30 });
    const file = path.join(dir, 'config.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).machine).toMatchObject({ printer: 'StationPDF', idleMinutes: 30 });
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(createMachineSettings(jsonFileStore(dir)).get()).toMatchObject({ printer: 'StationPDF', idleMinutes: 30 });
    expect(fs.readdirSync(dir)).toEqual(['config.json']);
  });

  it('reads the file electron-store (conf) writes', () => {
    const dir = tempDir('sd-cfg-');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ machine: { countyUrl: 'https://county.example', receiptLayout: 'thermal80' } }, null, '\t'));
    expect(createMachineSettings(jsonFileStore(dir)).get()).toMatchObject({ countyUrl: 'https://county.example', receiptLayout: 'thermal80' });
  });

  it('falls back to the defaults on a damaged file and leaves it until a setting is saved', () => {
    const dir = tempDir('sd-cfg-');
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, '{"machine": {"printer": "x"');
    const settings = createMachineSettings(jsonFileStore(dir));
    expect(settings.get()).toEqual(DEFAULT_MACHINE_SETTINGS);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"machine": {"printer": "x"');
    settings.update({ printer: 'StationPDF' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).machine.printer).toBe('StationPDF');
  });
});
