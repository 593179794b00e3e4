/**
 * The 社会救助 papers from a real station (a real SQLite file, the real relief service, the
 * archive): a three-person 低保 household through 入户调查, 初审 and 公示, each PDF made by
 * reliefDocs.issue, fetched back with documents.get and read with pdftotext.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, manualClock, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { household } from '../helpers/relief';
import { compact, pdfText } from '../helpers/pdf';
import type { TestApi } from '../helpers/station';

const MONDAY = '2026-09-14T01:00:00.000Z';

async function paper(api: TestApi, id: string, form: Parameters<TestApi['reliefDocs.issue']>[0]['form']) {
  const { documentId } = await api['reliefDocs.issue']({ id, form });
  const { document, pdfBase64 } = await api['documents.get']({ id: documentId });
  return { document, text: compact(pdfText(Buffer.from(pdfBase64, 'base64'))) };
}

describe('reliefDocs.issue', () => {
  it('prints 补正通知, 受理回执, 核对授权书, 入户调查表 (blank, filled) and the 公示 sheet from the case as stored', async () => {
    const s = await setUpStation({ clock: manualClock(MONDAY) });
    const api = s.client;
    await api['relief.updateSettings']({ standard: { amount: 780, effectiveFrom: '2026-01-01', source: '长安区民政局〔2026〕1号' } });
    const h = await household(api);
    const { case: c0, missing } = await api['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all.slice(0, 2) });
    expect(missing.length).toBeGreaterThan(1);

    const notice = await paper(api, c0.id, 'correction');
    expect(notice.document).toMatchObject({ kind: 'relief.correction', entity: 'relief_case', entityId: c0.id, number: `${c0.caseNo}-B` });
    for (const m of missing) expect(notice.text).toContain(compact(m));
    expect(notice.text).toContain(`共${missing.length}项`);
    expect(await expectAppError(api['reliefDocs.issue']({ id: c0.id, form: 'acceptance' }), 'CONFLICT')).toContain('补正通知');

    const m = await api['relief.materials']({ id: c0.id, version: c0.version, materialsReceived: h.all });
    let c = await api['relief.step']({ id: c0.id, version: m.case.version, input: { step: 'accept' } });
    const receipt = await paper(api, c.id, 'acceptance');
    for (const t of ['社会救助受理回执', c.caseNo, '最低生活保障', '张建华', '李秀英', '张小明', '3人', '30个工作日', '2026年10月30日']) expect(receipt.text, t).toContain(t);
    expect(receipt.text).not.toMatch(/\d{17}[\dX]/);

    const auth = await paper(api, c.id, 'authorization');
    expect(auth.text).toContain('共2人');
    expect(auth.text).toContain('李秀英');
    expect(auth.text).not.toContain('张小明');

    const blank = await paper(api, c.id, 'investigationBlank');
    expect(blank.text).toContain('张小明');
    expect(blank.text).not.toContain('尿毒症');
    expect(await expectAppError(api['reliefDocs.issue']({ id: c.id, form: 'investigation' }), 'CONFLICT')).toContain('尚未登记入户调查');

    c = await api['relief.step']({ id: c.id, version: c.version, input: { step: 'investigate', investigators: ['王建国', '刘芳'], date: '2026-09-14', findings: '家中有重病患者，收入来源单一' } });
    const filled = await paper(api, c.id, 'investigation');
    for (const t of ['王建国、刘芳', '家中有重病患者', '600.00', '尿毒症', '肢体', '建北小学']) expect(filled.text, t).toContain(t);

    c = await api['relief.step']({ id: c.id, version: c.version, input: { step: 'opinion', agree: true, text: '拟同意', proposedAmount: 580 } });
    c = await api['relief.step']({ id: c.id, version: c.version, input: { step: 'publicize', start: '2026-09-14', place: '建北社区公示栏' } });
    const wall = await paper(api, c.id, 'publicity');
    for (const t of ['张*华', '3人', '最低生活保障', '580.00', '建北社区公示栏', '2026年9月14日（星期一）至2026年9月20日（星期日）']) expect(wall.text, t).toContain(t);
    for (const t of ['张建华', '李秀英', '张小明', '********', '600.00', '200.00', '尿毒症', '肢体', '中山东路3号', '身份证', '收入']) expect(wall.text, t).not.toContain(t);

    // a clerk without relief.view gets the filled 入户调查表 without incomes, health or findings, and the same 公示 sheet
    await addStaff(api, { name: '窗口小刘', login: 'liu', role: 'clerk', password: 'Window2026x' });
    await api['auth.signIn']({ login: 'liu', password: 'Window2026x' });
    const clerkCopy = await paper(api, c.id, 'investigation');
    expect(clerkCopy.text).toContain('王建国、刘芳');
    for (const t of ['600.00', '尿毒症', '肢体', '家中有重病患者']) expect(clerkCopy.text, t).not.toContain(t);
    const clerkWall = await paper(api, c.id, 'publicity');
    for (const t of ['张*华', '580.00']) expect(clerkWall.text, t).toContain(t);
    await api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });

    // every paper archived against the case
    const kinds = (await api['documents.listFor']({ entity: 'relief_case', entityId: c.id })).map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['relief.correction', 'relief.acceptance', 'relief.authorization', 'relief.investigation', 'relief.publicity']));
  });
});
