/** The bundled fonts the screen falls back to, as browser mode serves them (renderer/src/fonts.css). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../main/host/server';
import { FONT_FILES } from '../../main/pdf/fonts';
import { SCREEN_FONT_FILES, fontFileFor } from '../../main/font-files';
import { openTestStation, tempDir } from '../helpers/station';

const FONTS = path.resolve(import.meta.dirname, '../../resources/fonts');

describe('screen fonts in browser mode', () => {
  let host: Host;
  let station: Awaited<ReturnType<typeof openTestStation>>;
  const staticDir = tempDir('sd-static-');

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StationDesk</title>');
    station = await openTestStation();
    host = await startHost({ station: station.calls, staticDir, fontsDir: FONTS });
  });
  afterAll(async () => {
    await host.close();
    station.close();
  });

  it('serves each font the PDFs use, as font/ttf, cacheable', async () => {
    expect([...SCREEN_FONT_FILES].sort()).toEqual(Object.values(FONT_FILES).sort());
    for (const name of SCREEN_FONT_FILES) {
      const res = await fetch(`${host.url}fonts/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe('font/ttf');
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect(Number(res.headers.get('content-length'))).toBe(fs.statSync(path.join(FONTS, name)).size);
      await res.body?.cancel();
    }
  });

  it('serves nothing else from the fonts folder or beside it', async () => {
    for (const p of ['/fonts/OFL-HanaMinB.txt', '/fonts/README.md', '/fonts/', '/fonts/%2e%2e/calendar', '/fonts/HanaMinB.ttf%00']) {
      const res = await fetch(`${host.url.slice(0, -1)}${p}`);
      expect(res.status, p).toBe(404);
      await res.body?.cancel();
    }
    expect(fontFileFor('/fonts/x/../HanaMinB.ttf', FONTS)).toBeNull();
    expect(fontFileFor('/assets/HanaMinB.ttf', FONTS)).toBeNull();
  });
});
