import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyBackend } from '../helpers/county';
import { tempDir } from '../helpers/station';
import { progressLookupUrl, progressUrl } from '../../common/county/progress-url';

describe('the county web page’s files', () => {
  const env = countyBackend('pglite');
  const dir = tempDir('sd-county-web-');
  const saved = process.env.COUNTY_WEB_DIR;
  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>县级</title><script type="module" src="/admin/assets/app.js"></script>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not served');
    process.env.COUNTY_WEB_DIR = dir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.COUNTY_WEB_DIR;
    else process.env.COUNTY_WEB_DIR = saved;
  });

  it('serves the page under /admin/ with a strict CSP, its assets, and nothing else from the folder', async () => {
    const county = await env.start();
    const root = await fetch(`${county.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/admin/');
    const page = await fetch(`${county.url}/admin/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>县级</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    // a deep link is the page itself; a missing asset is a 404; a file of another type is not served
    expect(await (await fetch(`${county.url}/admin/stations`)).text()).toContain('<title>县级</title>');
    const js = await fetch(`${county.url}/admin/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${county.url}/admin/assets/gone.js`)).status).toBe(404);
    expect(await (await fetch(`${county.url}/admin/secret.txt`)).text()).not.toContain('not served');
    expect(await (await fetch(`${county.url}/admin/..%2fsecret.txt`)).text()).not.toContain('not served');
  });
});

describe('the progress link', () => {
  it('is <publicUrl>/p/<receiptNo>?c=<code>, with or without a path or a trailing slash', () => {
    expect(progressUrl('https://daiban.example.gov.cn', '130102001-20261127-0001', 'K7M3PQ')).toBe('https://daiban.example.gov.cn/p/130102001-20261127-0001?c=K7M3PQ');
    expect(progressUrl('HTTPS://County.Example:8443/jd/ ', 'R-1', 'K7M3PQ')).toBe('https://county.example:8443/jd/p/R-1?c=K7M3PQ');
    expect(progressLookupUrl('https://daiban.example.gov.cn/')).toBe('https://daiban.example.gov.cn/p');
    for (const bad of ['', 'daiban.example.gov.cn', 'javascript:alert(1)', 'https://x/?a=1', 'ftp://x']) expect(progressUrl(bad, 'R-1', 'K7M3PQ')).toBeNull();
  });
});
