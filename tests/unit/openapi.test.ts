import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { buildOpenApi, openApiText } from '../../common/county/openapi';
import * as P from '../../common/county/protocol';
import { ADMIN_PREFIX } from '../../common/county/admin';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const sha256 = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
type Paths = Record<string, Record<string, unknown>>;

/** "GET /v1/pull?after=…" in a comment → ['get', '/v1/pull']; ":id" → "{id}". */
function routesIn(text: string, prefix = ''): [string, string][] {
  return [...text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\s+(\/[\w\-/:.]*)/g)].map(([, m, p]) => [m!.toLowerCase(), prefix + p!.replace(/:(\w+)/g, '{$1}')]);
}

describe('docs/openapi.json', () => {
  it('is what the schemas generate (run `npm run openapi` after changing them)', () => {
    expect(read('docs/openapi.json')).toBe(openApiText());
  });

  it("holds every route protocol.ts and admin.ts name in their comments", () => {
    const paths = buildOpenApi().paths as Paths;
    const protocolRoutes = routesIn(read('common/county/protocol.ts').split('\n').filter((l) => l.startsWith('// ')).join('\n'));
    const adminBlock = read('common/county/admin.ts').split(' * Routes')[1] ?? '';
    const adminRoutes = routesIn(adminBlock, ADMIN_PREFIX);
    expect(protocolRoutes.map(([, p]) => p)).toEqual(expect.arrayContaining(['/v1/config', '/v1/enroll', '/v1/push', '/v1/pull', '/v1/day-close', '/public/progress']));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(12);
    for (const [method, p] of [...protocolRoutes, ...adminRoutes]) expect(paths[p]?.[method], `${method.toUpperCase()} ${p}`).toBeDefined();
  });

  it('finds a route that is missing (the check above can fail)', () => {
    const paths = buildOpenApi().paths as Paths;
    const [[method, p]] = routesIn('// GET /v1/not-there', '') as [[string, string]];
    expect(paths[p]?.[method]).toBeUndefined();
  });

  it('refers only to schemas it defines', () => {
    const doc = buildOpenApi();
    const defined = new Set(Object.keys((doc.components as { schemas: object }).schemas));
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) expect(defined.has(r), r).toBe(true);
  });
});

describe('docs/sync-protocol.md', () => {
  const md = read('docs/sync-protocol.md');
  const blocks = [...md.matchAll(/```json (\w+)\n([\s\S]*?)```/g)].map((m) => ({ schema: m[1]!, body: JSON.parse(m[2]!) as unknown }));
  const schemas: Record<string, z.ZodType> = {
    EnrollRequest: P.EnrollRequest,
    EnrollResponse: P.EnrollResponse,
    ConfigResponse: P.ConfigResponse,
    PushRequest: P.PushRequest,
    PushResponse: P.PushResponse,
    PullResponse: P.PullResponse,
    DayCloseRequest: P.DayCloseRequest,
    DayCloseResponse: P.DayCloseResponse,
    PublicProgress: P.PublicProgress,
    ErrorBody: P.ErrorBody,
  };

  it('has examples that parse with the schema they name', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(12);
    for (const b of blocks) {
      const s = schemas[b.schema];
      expect(s, `no schema ${b.schema}`).toBeDefined();
      const r = s!.safeParse(b.body);
      expect(r.success, `${b.schema}: ${r.error?.message}`).toBe(true);
    }
  });

  it("has a worked example whose hashes, chain and day digest are right", () => {
    const push = P.PushRequest.parse(blocks.find((b) => b.schema === 'PushRequest')!.body);
    let prev = P.GENESIS_HASH;
    for (const e of push.events) {
      expect(e.prevHash).toBe(prev);
      const text = P.eventHashInput(e.prevHash, { ...e, payloadJson: JSON.stringify(e.payload) });
      expect(sha256(text), `seq ${e.seq}`).toBe(e.hash);
      expect(md).toContain(e.hash);
      prev = e.hash;
    }
    // the hashed text the document spells out is event 1's
    const first = push.events[0]!;
    expect(md).toContain(JSON.stringify(P.eventHashInput(first.prevHash, { ...first, payloadJson: JSON.stringify(first.payload) })));
    const close = P.DayCloseRequest.parse(blocks.find((b) => b.schema === 'DayCloseRequest')!.body);
    expect(close.digest).toBe(sha256(P.dayDigestInput(push.events.map((e) => e.hash))));
    expect(md).toContain(sha256(P.dayDigestInput([])));
  });

  it('quotes each rejection reason as protocol.ts has it', () => {
    for (const reason of Object.keys(P.REJECT_REASONS)) expect(md).toContain(`\`${reason}\``);
    for (const code of P.PROTOCOL_ERROR_CODES) expect(md).toContain(`\`${code}\``);
  });
});
