/**
 * 修改家庭情况 (relief.updateHousehold) on a real SQLite file: a clerk who sees the case
 * redacted cannot save a household (it would wipe the incomes and health the screen never
 * had), a clerk the 站长 granted 'relief.view' can; a forwarded case is refused; nothing is
 * written by a refusal.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, manualClock, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { forwardedCase, household } from '../helpers/relief';
import { stationRows } from '../helpers/sync';

// Monday 14 Sep 2026, 09:00 at the station
const MONDAY = '2026-09-14T01:00:00.000Z';
const CLERK = { name: '赵敏', login: 'zhao', role: 'clerk' as const, password: 'Clerk2026x' };

async function counter() {
  const clock = manualClock(MONDAY);
  const s = await setUpStation({ clock });
  await s.client['relief.updateSettings']({ standard: { amount: 780, effectiveFrom: '2026-01-01', source: '长安区民政局〔2026〕1号' } });
  const h = await household(s.client);
  return { s, clock, h };
}

describe('relief.updateHousehold: who may, and when', () => {
  it('refuses a clerk without relief.view (FORBIDDEN, nothing written) and lets the same clerk once granted', async () => {
    const { s, h } = await counter();
    const c = (await s.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all })).case;
    const clerk = await addStaff(s.client, CLERK);
    const audited = () => stationRows(s.dataDir, "SELECT count(*) AS n FROM audit_log WHERE action = 'relief_case.updateHousehold'");

    await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password });
    const seen = (await s.client['relief.get']({ id: c.id })).case;
    expect(seen.redacted).toBe(true);
    // what a redacted screen would send back: no incomes, no health
    const blind = seen.members.map((m) => ({ residentId: m.residentId, relation: m.relation, employment: m.employment }));
    const refused = await expectAppError(s.client['relief.updateHousehold']({ id: c.id, version: seen.version, members: blind }), 'FORBIDDEN');
    expect(refused).toContain('修改家庭情况须有查看救助信息的权限');

    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const after = (await s.client['relief.get']({ id: c.id })).case;
    expect(after.version).toBe(c.version);
    expect(after.means).toMatchObject({ perCapitaFen: 20000 });
    expect(after.members[1]).toMatchObject({ health: '尿毒症，每周透析', disability: { grade: '2', kind: '肢体' } });
    expect(audited()).toEqual([{ n: 0 }]);

    await s.client['staff.setGrant']({ staffId: clerk.id, permission: 'relief.view', granted: true });
    await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password });
    const members = h.members.map((m) => (m.residentId === h.applicant.id ? { ...m, incomes: [{ kind: 'wage' as const, amount: 1200, months: 1 }] } : m));
    const saved = await s.client['relief.updateHousehold']({ id: c.id, version: c.version, members });
    expect(saved.redacted).toBe(false);
    expect(saved.means).toMatchObject({ perCapitaFen: 40000, belowStandard: true });
    expect(saved.version).toBe(c.version + 1);
    expect(audited()).toEqual([{ n: 1 }]);
  });

  it('refuses once the case has gone to the county, with the reason in Chinese', async () => {
    const { s, clock, h } = await counter();
    const c = await forwardedCase(s.client, clock, h, ADMIN);
    expect(c.status).toBe('forwarded');
    const refused = await expectAppError(s.client['relief.updateHousehold']({ id: c.id, version: c.version, members: h.members }), 'CONFLICT');
    expect(refused).toBe('已报县审批或已办结的案件不能修改家庭信息');
    expect((await s.client['relief.get']({ id: c.id })).case.version).toBe(c.version);
  });
});
