import { describe, expect, it } from 'vitest';
import { BACKENDS, countyBackend, enrolledStation, pushEvents, type RunningCounty } from '../helpers/county';
import { intakePayload, makeChain } from '../helpers/county-events';
import { signedInAdmin } from '../helpers/county-admin';
import { manualClock } from '../helpers/station';

async function page(county: RunningCounty, path: string) {
  const res = await fetch(`${county.url}${path}`);
  return { status: res.status, csp: res.headers.get('content-security-policy') ?? '', html: await res.text() };
}

describe.each(BACKENDS)('public progress page (%s)', (kind) => {
  const env = countyBackend(kind);

  async function withItem(clock = manualClock('2026-12-01T02:00:00.000Z')) {
    const county = await env.start({ clock });
    const st = await enrolledStation(county, '130102001', '建北街道党群服务中心');
    const events = makeChain(1, { spec: () => ({ entity: 'intake', entityId: 'in-1', payload: intakePayload({ id: 'in-1', receiptNo: '130102001-20261127-0001', checkCode: 'K7M3PQ' }) }) });
    expect((await pushEvents(county, st.token, events)).status).toBe(200);
    return { county, st, clock };
  }

  it('shows the item, station, status and dates by receipt and check code, and nothing personal', async () => {
    const { county, st } = await withItem();
    const p = await page(county, '/p/130102001-20261127-0001?c=k7m3pq');
    expect(p.status).toBe(200);
    expect(p.html).toContain('城乡居民基本医疗保险参保登记');
    expect(p.html).toContain('建北街道党群服务中心');
    expect(p.html).toContain('已转报');
    expect(p.html).toContain('2026-12-04');
    expect(p.html).not.toMatch(/张|建华|130102\*|res-1|<script/);
    expect(p.csp).toMatch(/^default-src 'none'; style-src 'sha256-/);

    const { client } = await signedInAdmin(county);
    await client.req('POST', `/items/${st.stationId}/in-1/decision`, { body: { decision: 'returned', reason: '缺少户口本原件', basedOnVersion: 1 } });
    const back = await page(county, '/p?r=130102001-20261127-0001&c=K7M3PQ');
    expect(back.html).toContain('已退回');
    expect(back.html).toContain('缺少户口本原件');
  });

  it('answers an unknown receipt and a wrong check code with the same page', async () => {
    const { county } = await withItem();
    const wrong = await page(county, '/p/130102001-20261127-0001?c=ZZZZZZ');
    const unknown = await page(county, '/p/130102001-20261127-0999?c=K7M3PQ');
    const malformed = await page(county, '/p/130102001-20261127-0001?c=<b>');
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    const strip = (h: string) => h.replace(/value="[^"]*"/, '');
    expect(strip(wrong.html)).toBe(strip(unknown.html));
    expect(strip(malformed.html)).toBe(strip(wrong.html));
    expect(wrong.html).toContain('没有找到该回执');
    expect(wrong.html).not.toContain('城乡居民');
    // the bare form
    const form = await page(county, '/p');
    expect(form.status).toBe(200);
    expect(form.html).toContain('查询码');
  });

  it('limits look-ups per address, then lets them through in the next minute', async () => {
    const { county, clock } = await withItem();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await page(county, `/p/130102001-20261127-${String(i).padStart(4, '0')}?c=K7M3PQ`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 404 || s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await page(county, '/p/130102001-20261127-0001?c=K7M3PQ');
    expect(limited.status).toBe(429);
    expect(limited.html).toContain('查询过于频繁');
    clock.advance(60_000);
    expect((await page(county, '/p/130102001-20261127-0001?c=K7M3PQ')).status).toBe(200);
  });
});
