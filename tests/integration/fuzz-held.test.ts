/**
 * What held when StationDesk was attacked and faulted on purpose (issue 8), kept: the fuzz and
 * kill run of `npm run bench -- fuzz` (tests/helpers/fuzz/), smaller, seeded and bounded by
 * counts, not time — malformed inputs over every call in every role, privileged calls by every
 * role, token/Origin/Host games, oversized and slow bodies, 25 traversal variants, 200
 * concurrent searches through the real host, then a station process SIGKILLed in the middle of
 * writes and its file checked after each kill.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFuzz, type FuzzSummary } from '../helpers/fuzz/run';
import { checkDbFile } from '../helpers/fuzz/db-check';
import { ADMIN, expectAppError, setUpStation, tempDir } from '../helpers/station';
import { addStaff } from '../helpers/staff';

let s: FuzzSummary;
beforeAll(async () => {
  s = await runFuzz({ seed: 8, rounds: 2, kills: 4, concurrentSearches: 200 });
}, 240_000);

describe('the fuzz and kill run holds (seed 8, count-bounded)', () => {
  it('sent every kind of input', () => {
    expect(s.inputs).toBeGreaterThan(900);
    expect(s.privilegedTried).toBeGreaterThan(50);
    expect(s.gamesTried).toBeGreaterThanOrEqual(20);
    expect(s.traversalTried).toBe(25);
    expect(s.concurrentSearches).toBe(200);
    expect(s.kills).toBe(4);
    expect(s.acknowledgedWrites).toBeGreaterThanOrEqual(4);
  });
  it('no crash, no INTERNAL error, no answer showing internals, no polluted prototype', () => {
    expect({ crashes: s.crashes, internalErrors: s.internalErrors, leakyAnswers: s.leakyAnswers, prototypePolluted: s.prototypePolluted, problems: s.problems }).toEqual({
      crashes: 0,
      internalErrors: 0,
      leakyAnswers: 0,
      prototypePolluted: 0,
      problems: [],
    });
  });
  it('no privileged call answered to a role without the permission, or signed out', () => {
    expect(s.privilegeEscapes).toBe(0);
  });
  it('no token, Origin or Host game passed; oversized bodies refused; slow bodies block no one', () => {
    expect({ gamesPassed: s.gamesPassed, oversizedNotRefused: s.oversizedNotRefused, slowBodyStalls: s.slowBodyStalls }).toEqual({ gamesPassed: 0, oversizedNotRefused: 0, slowBodyStalls: 0 });
  });
  it('no path traversal on static or document paths', () => {
    expect(s.traversalLeaks).toBe(0);
  });
  it('every one of 200 concurrent searches answered', () => {
    expect(s.concurrentSearchFailures).toBe(0);
  });
  it('after every kill: integrity_check ok, audit chain intact, no partial write', () => {
    expect({ integrityFailures: s.integrityFailures, auditChainFailures: s.auditChainFailures, partialWrites: s.partialWrites }).toEqual({ integrityFailures: 0, auditChainFailures: 0, partialWrites: 0 });
    expect(s.killsSurvived).toBe(s.kills);
  });
  it('no acknowledged write lost, no receipt number reused', () => {
    expect({ lost: s.acknowledgedWritesLost, reused: s.receiptNumbersReused }).toEqual({ lost: 0, reused: 0 });
  });
});

describe('the checks behind it fire', () => {
  it('finds a row written without its audit entry and outbox event', async () => {
    const st = await setUpStation();
    await st.client['residents.create']({ name: '张堃', idNumber: '11010519491231002X' });
    const copy = path.join(tempDir(), 'copy.sqlite');
    st.close();
    fs.copyFileSync(st.dbPath, copy);
    expect(checkDbFile(copy)).toMatchObject({ integrity: 'ok', auditOk: true, partialWrites: 0, duplicateReceipts: 0 });
    const db = new Database(copy);
    // an outbox event for a resident row that is not there: what a half-done write would leave
    db.prepare("INSERT INTO outbox (seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash) SELECT seq + 1000, event_id || 'x', entity, 'ghost', 'create', 1, occurred_at, payload, prev_hash, hash || 'x' FROM outbox WHERE entity = 'resident' LIMIT 1").run();
    db.close();
    expect(checkDbFile(copy).partialWrites).toBe(1);
  });
});

describe('the audit chain and raw input', () => {
  it('stays verifiable when a refused call records an id typed with a lone surrogate (found by the fuzz run)', async () => {
    const st = await setUpStation();
    await addStaff(st.client, { name: '赵窗口', login: 'clerk1', role: 'clerk', password: 'ClerkPass2026' });
    await st.client['auth.signIn']({ login: 'clerk1', password: 'ClerkPass2026' });
    await expectAppError(st.client['residents.revealIdNumber']({ id: 'aa\uD800bc' }), 'FORBIDDEN');
    await st.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    expect(await st.client['audit.verify']({})).toMatchObject({ ok: true });
    st.close();
  });
});

