/**
 * The 社会救助 papers (issue 10), each built from the case as relief-core's service answers
 * it to the caller — so a caller without 'relief.view' gets the redacted case and the filled
 * 入户调查表 prints no income or health for them — then archived and counted by documents.ts.
 * The 公示 sheet is built from the masked name, household size, type and proposed amount
 * alone: nothing else of the case is handed to it.
 */
import { AppError } from '../../common/errors';
import type { StaffActor } from '../../common/actor';
import type { ReliefForm, reliefDocsCalls } from '../../common/contracts/relief-docs';
import { ASSET_KIND_LABELS, EMPLOYMENT_LABELS, MEMBER_RELATION_LABELS, RELIEF_TYPE_LABELS } from '../../common/relief';
import type { CallOutput } from '../../common/contract';
import type { ApiPart, ServiceContext } from '../context';
import type { PrintableDocument, StationHeader } from '../pdf/types';
import type { Documents } from './documents';
import type { Relief } from './relief';
import type { Residents } from './residents';

type ReliefCase = CallOutput<'relief.get'>['case'];

export const RELIEF_DOC_ENTITY = 'relief_case';

/** The number each paper carries: the case's own, or a notice's derived from it. */
function numberFor(form: ReliefForm, caseNo: string): string {
  if (form === 'correction') return `${caseNo}-B`;
  if (form === 'refusal') return `${caseNo}-N`;
  return caseNo;
}

const yuan = (fen: number) => Math.round(fen) / 100;
/** a form's narrow relation column: 本人, not 申请人本人 */
const relationOf = (r: keyof typeof MEMBER_RELATION_LABELS) => (r === 'applicant' ? '本人' : MEMBER_RELATION_LABELS[r]);
const disabilityGrade: Record<string, string> = { '1': '一级', '2': '二级', '3': '三级', '4': '四级' };

export function createReliefDocs(ctx: ServiceContext, deps: { relief: Relief; residents: Residents; documents: Documents }) {
  function stationHeader(): StationHeader {
    const s = ctx.station.get();
    if (!s) throw new AppError('UNAVAILABLE', '站点尚未完成初始设置');
    return { code: s.code, name: s.name, county: s.county, address: s.address, phone: s.phone };
  }

  function applicantOf(c: ReliefCase) {
    const r = deps.residents.get(c.applicantId);
    return { name: c.applicantName, idMasked: c.applicantIdMasked, phone: r.phone ?? '', address: r.address ?? '' };
  }

  const type = (c: ReliefCase) => ({ code: c.type, name: RELIEF_TYPE_LABELS[c.type] });
  const members = (c: ReliefCase) => c.members.map((m) => ({ name: m.name, relation: relationOf(m.relation), idMasked: m.idMasked, adult: m.adult }));

  /** Each member's monthly income from the case's own arithmetic (null when the caller may not see it). */
  function monthlyIncome(c: ReliefCase, residentId: string): number | null {
    if (c.redacted || !c.means) return null;
    return yuan(c.means.lines.filter((l) => l.residentId === residentId).reduce((s, l) => s + l.monthlyFen, 0));
  }

  function investigationMembers(c: ReliefCase, filled: boolean) {
    return c.members.map((m) => {
      const health = [m.disability ? `${disabilityGrade[m.disability.grade] ?? m.disability.grade}${m.disability.kind}残疾` : '', m.health ?? ''].filter(Boolean).join('；');
      return {
        name: m.name,
        relation: relationOf(m.relation),
        idMasked: m.idMasked,
        employment: EMPLOYMENT_LABELS[m.employment],
        monthlyIncome: filled ? monthlyIncome(c, m.residentId) : null,
        health: filled && !c.redacted ? health : '',
        school: m.school,
      };
    });
  }

  function build(form: ReliefForm, c: ReliefCase, actor: StaffActor): PrintableDocument {
    const station = stationHeader();
    const now = ctx.clock.now().toISOString();
    switch (form) {
      case 'acceptance':
        if (!c.acceptedAt || !c.dueDate) throw new AppError('CONFLICT', '材料尚未齐全，案件尚未受理：请打印补正通知');
        return {
          kind: 'relief.acceptance',
          data: {
            station,
            receiptNo: c.caseNo,
            type: type(c),
            applicant: applicantOf(c),
            members: members(c),
            materialsReceived: c.materialsReceived,
            acceptedAt: c.acceptedAt,
            dueDate: c.dueDate,
            timeLimitText: `${c.limitWorkdays} 个工作日`,
            ...(c.provisional ? { dueCaveat: '暂定，按法定节假日推算' } : {}),
            clerkName: c.acceptedByName ?? actor.name,
            progressHint: `凭回执编号到${station.name}窗口，或致电 ${station.phone} 查询办理进度`,
          },
        };
      case 'correction':
        if (c.materialsMissing.length === 0) throw new AppError('CONFLICT', '该案件材料已齐全，无需补正通知');
        return {
          kind: 'relief.correction',
          data: {
            station,
            noticeNo: numberFor('correction', c.caseNo),
            item: { code: c.caseNo, name: RELIEF_TYPE_LABELS[c.type], department: `${station.county}民政局` },
            applicant: applicantOf(c),
            materialsRequired: c.materialsRequired,
            materialsReceived: c.materialsReceived,
            materialsMissing: c.materialsMissing,
            issuedAt: now,
            clerkName: actor.name,
          },
        };
      case 'authorization':
        return { kind: 'relief.authorization', data: { station, caseNo: c.caseNo, type: type(c), applicantName: c.applicantName, members: members(c), issuedAt: now } };
      case 'investigationBlank':
      case 'investigation': {
        const last = c.investigations[c.investigations.length - 1];
        const filled = form === 'investigation';
        if (filled && !last) throw new AppError('CONFLICT', '尚未登记入户调查，请先打印空白调查表');
        return {
          kind: 'relief.investigation',
          data: {
            station,
            caseNo: c.caseNo,
            type: type(c),
            applicant: applicantOf(c),
            members: investigationMembers(c, filled),
            assets: c.assets.map((a) => `${ASSET_KIND_LABELS[a.kind]}：${a.description}${a.count > 1 ? `（${a.count}）` : ''}`),
            filled: filled && last ? { date: last.date, investigators: last.investigators, findings: last.findings } : null,
            issuedAt: now,
          },
        };
      }
      case 'publicity': {
        if (!c.publicity) throw new AppError('CONFLICT', '该案件尚未开始公示');
        // the amount is what the wall shows: a caller it were hidden from could not print a true notice
        if (c.redacted && c.opinion?.agree && c.opinion.proposedAmountFen === null) throw new AppError('FORBIDDEN', '公示表载有拟救助金额，请由有社会救助权限的人员（站长）打印');
        const fen = c.opinion?.proposedAmountFen ?? null;
        return {
          kind: 'relief.publicity',
          data: {
            station,
            caseNo: c.caseNo,
            community: c.publicity.place,
            entries: [{ name: c.applicantNameMasked, householdSize: c.householdSize, typeName: RELIEF_TYPE_LABELS[c.type], proposedAmount: fen === null ? null : yuan(fen) }],
            startDate: c.publicity.start,
            endDate: c.publicity.end,
            contactPhone: station.phone,
            issuedAt: now,
          },
        };
      }
      case 'refusal': {
        const d = c.decision;
        if (!d || d.decision !== 'refused' || !c.acceptedAt) throw new AppError('CONFLICT', '县级尚未作出不予批准的决定');
        return {
          kind: 'relief.refusal',
          data: {
            station,
            noticeNo: numberFor('refusal', c.caseNo),
            caseNo: c.caseNo,
            type: type(c),
            applicant: applicantOf(c),
            acceptedAt: c.acceptedAt,
            decidedAt: d.decidedAt,
            decidedBy: d.decidedBy,
            reasons: d.reasons ?? '',
            issuedAt: now,
            clerkName: actor.name,
          },
        };
      }
    }
  }

  /** Makes, archives and records the paper; its PDF is ready when documents.get answers. */
  async function issue(id: string, form: ReliefForm, actor: StaffActor): Promise<{ documentId: string; number: string }> {
    const { case: c } = await deps.relief.api['relief.get']({ id }, actor);
    const doc = build(form, c, actor);
    const number = numberFor(form, c.caseNo);
    const d = await deps.documents.issue(doc, { entity: RELIEF_DOC_ENTITY, entityId: c.id, number }, actor.id, { layout: 'a4' });
    return { documentId: d.id, number };
  }

  const api: ApiPart<keyof typeof reliefDocsCalls> = {
    'reliefDocs.issue': ({ id, form }, me) => issue(id, form, me),
  };
  return { api, issue, build };
}
