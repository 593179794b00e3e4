/**
 * The 社会救助 forms (issue 10): 受理回执, 家庭经济状况核对授权书, 入户调查表, 公示 and the
 * 不予批准通知书. The 补正通知 is the 一次性告知书 (correction.ts) with the relief type as its item.
 */
import type { FormModel, Field } from '../layout';
import type { ReliefAcceptanceData, ReliefAuthorizationData, ReliefInvestigationData, ReliefPublicityData, ReliefRefusalData } from '../relief-types';
import { calendarDateCn, dateTimeCn, dayOfCn, ensureMaskedId } from '../format';
import { maskPersonName } from '../../../common/person-name';

export const RELIEF_TITLES = {
  acceptance: '社会救助受理回执',
  authorization: '家庭经济状况核对授权书',
  investigation: '社会救助入户调查表',
  publicity: '社会救助审核公示',
  refusal: '社会救助不予批准通知书',
} as const;

const yuan = (n: number | null) => (n === null ? '—' : n.toFixed(2));

function applicantBlock(d: { applicant: { name: string; idMasked: string; phone: string; address: string }; type: { name: string } }): Field[] {
  return [
    { label: '申请人', value: d.applicant.name, strong: true },
    { label: '身份证号', value: ensureMaskedId(d.applicant.idMasked) },
    { label: '联系电话', value: d.applicant.phone },
    { label: '救助类型', value: d.type.name, strong: true },
    { label: '家庭住址', value: d.applicant.address, wide: true },
  ];
}

export function reliefAcceptanceForm(d: ReliefAcceptanceData): FormModel {
  const due = `${calendarDateCn(d.dueDate)}前${d.dueCaveat ? `（${d.dueCaveat}）` : ''}`;
  return {
    station: d.station,
    title: RELIEF_TITLES.acceptance,
    docTitle: `${RELIEF_TITLES.acceptance} ${d.receiptNo}`,
    madeAt: d.acceptedAt,
    number: ['回执编号', d.receiptNo],
    time: ['受理时间', dateTimeCn(d.acceptedAt)],
    blocks: [
      {
        kind: 'fields',
        fields: [
          ...applicantBlock(d),
          { label: '家庭人口', value: `${d.members.length} 人` },
          { label: '受理人', value: d.clerkName },
          { label: '办理时限', value: d.timeLimitText },
          { label: '办结期限', value: due },
          { label: '已收材料', value: d.materialsReceived },
        ],
      },
      {
        kind: 'table',
        caption: `共同生活家庭成员（共 ${d.members.length} 人）`,
        headers: ['序号', '姓名', '与申请人关系', '身份证号'],
        widths: [36, '*', 90, 150],
        rows: d.members.map((m, i) => [String(i + 1), m.name, m.relation, ensureMaskedId(m.idMasked)]),
      },
      { kind: 'paragraph', text: d.progressHint },
      {
        kind: 'notes',
        title: '说明',
        items: [
          '本回执仅证明申请已受理，不代表审核确认结果。',
          '受理后将依次开展入户调查、民主评议（如需）、初审、公示，并报县级民政部门审核确认。',
          '如家庭人口、收入、财产状况发生变化，请及时告知本站。',
        ],
      },
      { kind: 'signatures', signers: [{ who: '申请人', act: '签收' }, { who: '受理人', act: '签字' }], stamp: { org: d.station.name, date: dayOfCn(d.acceptedAt) } },
    ],
  };
}

export function reliefAuthorizationForm(d: ReliefAuthorizationData): FormModel {
  const adults = d.members.filter((m) => m.adult);
  return {
    station: d.station,
    title: RELIEF_TITLES.authorization,
    docTitle: `${RELIEF_TITLES.authorization} ${d.caseNo}`,
    madeAt: d.issuedAt,
    number: ['案件编号', d.caseNo],
    time: ['打印时间', dateTimeCn(d.issuedAt)],
    blocks: [
      { kind: 'fields', fields: [{ label: '申请人', value: d.applicantName, strong: true }, { label: '救助类型', value: d.type.name, strong: true }] },
      {
        kind: 'paragraph',
        indent: true,
        text:
          `本人及共同生活的家庭成员申请${d.type.name}，自愿授权县级民政部门及其委托的核对机构，依法查询、核对本家庭成员的户籍、车辆、房产、存款、有价证券、` +
          '工商登记、社会保险、公积金、纳税等经济状况信息。所提供的材料真实、完整，如有隐瞒、虚报，愿承担相应法律责任。核对所得信息仅用于社会救助审核确认，不作他用。',
      },
      {
        kind: 'table',
        caption: `授权人（年满十八周岁的家庭成员，共 ${adults.length} 人，每人亲笔签字）`,
        headers: ['序号', '姓名', '与申请人关系', '身份证号', '本人签字（按手印）', '签字日期'],
        widths: [26, 80, 60, 112, '*', 64],
        rows: adults.map((m, i) => [String(i + 1), m.name, m.relation, ensureMaskedId(m.idMasked), '\n', '  年  月  日']),
      },
      {
        kind: 'notes',
        title: '说明',
        items: ['每位年满十八周岁的共同生活家庭成员须本人签字；无民事行为能力的由其监护人代签并注明。', '本授权书自签字之日起至本次审核确认结束有效。'],
      },
      { kind: 'signatures', signers: [{ who: '经办人', act: '签字' }], stamp: { org: d.station.name, date: dayOfCn(d.issuedAt) } },
    ],
  };
}

/** Blank rows for writing in by hand: a blank form has room for a household of five. */
const BLANK_MEMBER_ROWS = 5;

export function reliefInvestigationForm(d: ReliefInvestigationData): FormModel {
  const f = d.filled;
  const memberRows = d.members.map((m) => [m.name, m.relation, ensureMaskedId(m.idMasked), m.employment, yuan(m.monthlyIncome), m.health, m.school]);
  const blankRows = Array.from({ length: Math.max(0, (f ? 0 : BLANK_MEMBER_ROWS) - memberRows.length) }, () => ['\n', '', '', '', '', '', '']);
  const line = `${'\u3000'.repeat(16)}（不少于两人）`;
  return {
    station: d.station,
    title: RELIEF_TITLES.investigation,
    docTitle: `${RELIEF_TITLES.investigation} ${d.caseNo}`,
    madeAt: d.issuedAt,
    number: ['案件编号', d.caseNo],
    time: ['调查日期', f ? calendarDateCn(f.date) : '    年  月  日'],
    blocks: [
      {
        kind: 'fields',
        fields: [
          ...applicantBlock(d),
          { label: '调查人', value: f ? f.investigators.join('、') : line, wide: true },
        ],
      },
      {
        kind: 'table',
        caption: '家庭成员情况（月收入单位：元）',
        headers: ['姓名', '关系', '身份证号', '就业', '月收入', '健康/残疾', '就学'],
        widths: [54, 30, 110, '*', 40, 56, '*'],
        align: ['center', 'center', 'center', 'left', 'right', 'left', 'left'],
        rows: [...memberRows, ...blankRows],
      },
      {
        kind: 'table',
        caption: '家庭财产情况（住房、车辆、存款、有价证券、经营等）',
        headers: ['序号', '财产情况'],
        widths: [36, '*'],
        rows: d.assets.length > 0 ? d.assets.map((a, i) => [String(i + 1), a]) : f ? [['—', '无']] : [['1', '\n'], ['2', '\n'], ['3', '\n']],
      },
      {
        kind: 'table',
        caption: '入户调查情况（居住、生活、收入来源核实等）',
        headers: ['调查结论'],
        widths: ['*'],
        align: ['left'],
        rows: [[f ? f.findings : '\n\n\n\n']],
      },
      {
        kind: 'notes',
        title: '说明',
        items: ['入户调查须由两名以上工作人员进行，调查结束后由调查人和申请人（或家庭成员）签字确认。', '调查人应如实记录，不得弄虚作假。'],
      },
      { kind: 'signatures', signers: [{ who: '调查人', act: '签字' }, { who: '调查人', act: '签字' }, { who: '申请人', act: '签字' }], stamp: { org: d.station.name, date: f ? calendarDateCn(f.date).replace(/（.*）$/, '') : '    年  月  日' } },
    ],
  };
}

/**
 * 公示: posted on the wall, read by anyone. It prints only what the data carries — and
 * masks the names again, so a full name handed in by mistake never reaches the notice board.
 */
export function reliefPublicityForm(d: ReliefPublicityData): FormModel {
  return {
    station: d.station,
    title: RELIEF_TITLES.publicity,
    docTitle: `${RELIEF_TITLES.publicity} ${d.caseNo}`,
    madeAt: d.issuedAt,
    number: ['公示编号', d.caseNo],
    time: ['发布日期', calendarDateCn(d.startDate).replace(/（.*）$/, '')],
    blocks: [
      {
        kind: 'paragraph',
        indent: true,
        text: `根据《最低生活保障审核确认办法》和《社会救助暂行办法》的规定，经入户调查、民主评议和初审，现将拟给予社会救助的家庭情况公示如下（公示地点：${d.community}）。`,
      },
      {
        kind: 'table',
        headers: ['序号', '申请人', '家庭人口', '救助类型', '拟救助金额（元/月）'],
        widths: [36, '*', 64, 110, 110],
        align: ['center', 'center', 'center', 'center', 'right'],
        rows: d.entries.map((e, i) => [String(i + 1), maskPersonName(e.name), `${e.householdSize} 人`, e.typeName, yuan(e.proposedAmount)]),
      },
      {
        kind: 'paragraph',
        indent: true,
        text: `公示期为 7 天（${calendarDateCn(d.startDate)} 至 ${calendarDateCn(d.endDate)}）。如对公示对象有异议，请在公示期内以书面、电话或当面方式向${d.station.name}反映，联系电话：${d.contactPhone}。反映人应如实提供情况，本站对反映人信息予以保密。`,
      },
      { kind: 'signatures', signers: [], stamp: { org: d.station.name, date: calendarDateCn(d.startDate).replace(/（.*）$/, '') } },
    ],
  };
}

export function reliefRefusalForm(d: ReliefRefusalData): FormModel {
  return {
    station: d.station,
    title: RELIEF_TITLES.refusal,
    docTitle: `${RELIEF_TITLES.refusal} ${d.noticeNo}`,
    madeAt: d.issuedAt,
    number: ['通知书编号', d.noticeNo],
    time: ['送达时间', dateTimeCn(d.issuedAt)],
    blocks: [
      {
        kind: 'fields',
        fields: [
          ...applicantBlock(d),
          { label: '案件编号', value: d.caseNo },
          { label: '受理时间', value: dateTimeCn(d.acceptedAt) },
          { label: '审核机关', value: d.decidedBy },
          { label: '决定时间', value: dateTimeCn(d.decidedAt) },
        ],
      },
      {
        kind: 'paragraph',
        indent: true,
        text: `${d.applicant.name}：你（你家庭）于${dayOfCn(d.acceptedAt)}提出的${d.type.name}申请，经审核，${d.decidedBy}决定不予批准。理由如下：`,
      },
      { kind: 'table', headers: ['不予批准的理由'], widths: ['*'], align: ['left'], rows: [[d.reasons]] },
      {
        kind: 'paragraph',
        indent: true,
        text: `如对本决定不服，可以自收到本通知书之日起 60 日内依法申请行政复议，或者自收到之日起 6 个月内依法提起行政诉讼。如家庭经济状况发生变化，可重新提出申请。`,
      },
      {
        kind: 'notes',
        title: '说明',
        items: ['本通知书一式两份，申请人与本站各执一份。', `如有疑问，请拨打 ${d.station.phone} 咨询。`],
      },
      { kind: 'signatures', signers: [{ who: '送达人', act: '签字' }, { who: '申请人', act: '签收' }], stamp: { org: d.station.name, date: dayOfCn(d.issuedAt) } },
    ],
  };
}
