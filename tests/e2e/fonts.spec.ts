import { randomUUID } from 'node:crypto';
/**
 * Rare name characters on screen (issue 6, item 1): a name from CJK Ext-A, Ext-B and beyond
 * is drawn, not shown as a box. The bundled fonts (renderer/src/fonts.css) load only once
 * such a character is on the page.
 */
import type { Page } from '@playwright/test';
import { test, expect, setUpThroughScreen } from './fixtures';
import { expectDrawnByBundledFaces } from './glyphs';

// One per block: the machine's own CJK font draws Ext-A here; nothing on it draws Ext-B and beyond.
const NAMES = [
  { name: '刘䶮', block: 'Ext-A', rare: '䶮' },
  { name: '冯𡒄', block: 'Ext-B', rare: '𡒄' },
  { name: '卫𪚥', block: 'Ext-B', rare: '𪚥' },
  { name: '张𪜀', block: 'Ext-C', rare: '𪜀' },
  { name: '李𫝀', block: 'Ext-D', rare: '𫝀' },
  { name: '王𬺰', block: 'Ext-F', rare: '𬺰' },
];
const PHONE = '13912345678';

/** A valid 身份证号 (GB 11643 check character) for the n-th test resident. */
function idNumber(n: number): string {
  const body = `11010519491231${String(100 + n).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

async function call(url: string, name: string, input: unknown): Promise<unknown> {
  const u = new URL(url);
  const token = new URLSearchParams(u.hash.slice(1)).get('token')!;
  const res = await fetch(`${u.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-station-token': token, origin: u.origin }, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
}

/** The load status of each StationDesk face, by family. */
function faceStatus(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    document.fonts.forEach((f) => {
      const family = f.family.replace(/["']/g, '');
      if (family.startsWith('StationDesk')) (out[family] ??= []).push(f.status);
    });
    return out;
  });
}

/**
 * Draws a character on a canvas in the given font stack and returns its pixels, so two
 * renderings can be compared: the app's stack, a glyph no font has (U+10FFFD: the box a
 * missing glyph gets), and the bundled fallback font by name.
 */
function glyphPixels(page: Page, ch: string, family: string): Promise<number[]> {
  return page.evaluate(
    async ({ ch, family }) => {
      await document.fonts.load(`48px ${family}`, ch);
      const c = document.createElement('canvas');
      c.width = 64;
      c.height = 64;
      const g = c.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 64, 64);
      g.fillStyle = '#000';
      g.font = `48px ${family}`;
      // On the alphabetic baseline a glyph sits where its own outline says, whichever font is first in the stack.
      g.textBaseline = 'alphabetic';
      g.fillText(ch, 8, 50);
      const d = g.getImageData(0, 0, 64, 64).data;
      const grey: number[] = [];
      for (let i = 0; i < d.length; i += 4) grey.push(d[i]!);
      return grey;
    },
    { ch, family },
  );
}

const differing = (a: number[], b: number[]) => a.filter((v, i) => Math.abs(v - b[i]!) > 64).length;
const ink = (a: number[]) => a.filter((v) => v < 128).length;

test('names with CJK Ext-A, Ext-B and beyond are drawn on screen, with the bundled fonts loaded only when needed', async ({ page, host }) => {
  await setUpThroughScreen(page, host.url);
  // Nothing rare on the page yet: the 30 MB HanaMinB has not been fetched.
  expect((await faceStatus(page))['StationDesk ExtB']).toEqual(['unloaded']);

  for (const [i, n] of NAMES.entries()) {
    await call(host.url, 'residents.create', { requestId: randomUUID(), name: n.name, idNumber: idNumber(i), phone: PHONE, address: '建北街道中山东路 3 号' });
  }
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-search').fill(PHONE);
  const results = page.getByTestId('resident-results');
  for (const n of NAMES) await expect(results.getByText(n.name, { exact: true })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await expect.poll(async () => (await faceStatus(page))['StationDesk ExtB']).toEqual(['loaded']);

  const cell = results.locator('.sd-res-name').first();
  const stack = await cell.evaluate((el) => getComputedStyle(el).fontFamily);
  expect(stack).toContain('StationDesk ExtB');
  const tofu = await glyphPixels(page, '\u{10FFFD}', stack);

  for (const n of NAMES) {
    const drawn = await glyphPixels(page, n.rare, stack);
    expect(ink(drawn), `${n.block} ${n.rare} draws something`).toBeGreaterThan(40);
    expect(differing(drawn, tofu), `${n.block} ${n.rare} is not the missing-glyph box`).toBeGreaterThan(40);
    if (n.block !== 'Ext-A') {
      // Beyond Ext-A it is the bundled HanaMinB that draws it, as on the PDF.
      expect(differing(drawn, await glyphPixels(page, n.rare, '"StationDesk ExtB"')), `${n.block} ${n.rare} drawn by HanaMinB`).toBeLessThan(10);
    }
  }

  // The list itself, not only a canvas: without the bundled faces each name beyond Ext-A
  // would be a box, so its cell must look different once they are taken away.
  const rare = NAMES.filter((n) => n.block !== 'Ext-A');
  await expectDrawnByBundledFaces(page, '.sd-res-name', rare.map((n) => ({ label: `${n.name} in the list`, locator: results.locator('.sd-res-name', { hasText: n.name }) })));
  await page.screenshot({ path: 'test-results/e2e/fonts-residents.png' });
});
