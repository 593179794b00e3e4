/** Sample data for the 社会救助 forms: a three-person household with rare characters in its names. */
import type { ReliefAcceptanceData, ReliefAuthorizationData, ReliefInvestigationData, ReliefPublicityData, ReliefRefusalData } from '../../main/pdf/relief-types';
import type { PrintableDocument } from '../../main/pdf/types';
import { RARE_NAME, STATION_HEADER, correctionData } from './pdf';

export const TYPE = { code: 'dibao', name: '最低生活保障' };
export const APPLICANT = { name: RARE_NAME, idMasked: '130102********1234', phone: '13800138000', address: '长安区育才街 7 号 2-302（𡒄家胡同）' };
export const MEMBERS = [
  { name: RARE_NAME, relation: '本人', idMasked: '130102********1234', adult: true },
  { name: '王𪚥芳', relation: '配偶', idMasked: '130102********2345', adult: true },
  { name: '欧阳小𠀀', relation: '子女', idMasked: '130102********0017', adult: false },
];

export const acceptance: ReliefAcceptanceData = {
  station: STATION_HEADER,
  receiptNo: '130102001-20261127-J001',
  type: TYPE,
  applicant: APPLICANT,
  members: MEMBERS,
  materialsReceived: ['居民身份证', '户口簿', '收入申报与诚信承诺书'],
  acceptedAt: '2026-11-27T01:05:00.000Z',
  dueDate: '2027-01-11',
  timeLimitText: '30 个工作日',
  clerkName: '李娜',
  progressHint: '凭回执编号到本站窗口，或致电 0311-86012345 查询办理进度',
};

export const authorization: ReliefAuthorizationData = { station: STATION_HEADER, caseNo: acceptance.receiptNo, type: TYPE, applicantName: RARE_NAME, members: MEMBERS, issuedAt: acceptance.acceptedAt };

export const investigationMembers = [
  { name: RARE_NAME, relation: '本人', idMasked: '130102********1234', employment: '灵活就业', monthlyIncome: 800, health: '慢性病（糖尿病）', school: '' },
  { name: '王𪚥芳', relation: '配偶', idMasked: '130102********2345', employment: '无业', monthlyIncome: 0, health: '二级肢体残疾', school: '' },
  { name: '欧阳小𠀀', relation: '子女', idMasked: '130102********0017', employment: '学生', monthlyIncome: null, health: '健康', school: '育才小学四年级' },
];
export const investigation: ReliefInvestigationData = {
  station: STATION_HEADER,
  caseNo: acceptance.receiptNo,
  type: TYPE,
  applicant: APPLICANT,
  members: investigationMembers,
  assets: ['住房：自有住房 1 套，56 平方米', '存款：合计 3,000 元'],
  filled: { date: '2026-11-30', investigators: ['李娜', '赵𠈌强'], findings: '家中陈设简陋，配偶因残疾无劳动能力，申请人打零工收入不稳定，申报情况属实。' },
  issuedAt: '2026-11-30T08:00:00.000Z',
};

export const publicity: ReliefPublicityData = {
  station: STATION_HEADER,
  caseNo: acceptance.receiptNo,
  community: '建北社区',
  entries: [{ name: '张𠈌华', householdSize: 3, typeName: '最低生活保障', proposedAmount: 1260 }],
  startDate: '2026-12-02',
  endDate: '2026-12-08',
  contactPhone: '0311-86012345',
  issuedAt: '2026-12-02T01:00:00.000Z',
};

export const refusal: ReliefRefusalData = {
  station: STATION_HEADER,
  noticeNo: '130102001-20261215-N001',
  caseNo: acceptance.receiptNo,
  type: TYPE,
  applicant: APPLICANT,
  acceptedAt: acceptance.acceptedAt,
  decidedAt: '2026-12-14T06:00:00.000Z',
  decidedBy: '长安区民政局',
  reasons: '经核对，家庭人均月收入 1,180 元，高于本地最低生活保障标准 960 元。',
  issuedAt: '2026-12-15T02:00:00.000Z',
  clerkName: '李娜',
};

export const RELIEF_SAMPLES: Record<string, PrintableDocument> = {
  acceptance: { kind: 'relief.acceptance', data: acceptance },
  correction: { kind: 'relief.correction', data: correctionData({ item: { code: 'dibao', name: '最低生活保障', department: '长安区民政局' } }) },
  authorization: { kind: 'relief.authorization', data: authorization },
  investigation: { kind: 'relief.investigation', data: investigation },
  investigationBlank: { kind: 'relief.investigation', data: { ...investigation, members: [], assets: [], filled: null } },
  publicity: { kind: 'relief.publicity', data: publicity },
  refusal: { kind: 'relief.refusal', data: refusal },
};
