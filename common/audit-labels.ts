/**
 * The 操作日志 in words a 站长 reads: every action, record kind, detail key and coded
 * value the services write, in Chinese. One module, used by the screen and by the
 * .xlsx export in main, so the two never disagree. A code missing here is still shown
 * (as 其他操作 with its code), never hidden; tests/unit/audit-labels.test.ts lists the
 * actions written in main that have no label yet.
 */
import { FORWARD_CHANNEL_LABELS, INTAKE_STATUS_LABELS } from './intake-status';
import { GRANT_LABELS, ROLE_LABELS } from './roles';
import { CLOSE_RELATIVE_OF_LABELS, RELIEF_STATUS_LABELS, RELIEF_STEP_LABELS, RELIEF_TYPE_LABELS } from './relief';
import { VERSION_SOURCE_LABELS } from './catalogue';
import { formatDateTime } from './time';
import { ACTIONS, ENTITIES, LEGACY_ACTIONS, LEGACY_ENTITIES } from './entities';
import { WISH_STATUS_LABELS, WISH_STEP_LABELS } from './wish-status';

/** Today's actions, and the names older rows were stored under, each with its label. */
export const ACTION_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ACTIONS).map(([a, d]) => [a, d.label])),
  ...Object.fromEntries(Object.entries(LEGACY_ACTIONS).map(([old, now]) => [old, ACTIONS[now].label])),
  // written by the first builds for the setup call
  'setup.init': '初始化本站',
};

export const ENTITY_LABELS: Record<string, string> = {
  ...ENTITIES,
  ...Object.fromEntries(Object.entries(LEGACY_ENTITIES).map(([old, now]) => [old, ENTITIES[now]])),
};

export const DETAIL_KEYS: Record<string, string> = {
  login: '登录名',
  loginHash: '所输登录名的校验码（该登录名不存在，原文不记录）',
  rehashed: '密码已按新参数重新加密',
  reason: '原因',
  attempt: '第几次',
  until: '锁定至',
  role: '角色',
  changed: '修改项',
  active: '启用',
  name: '姓名',
  code: '站点编码',
  county: '所属县',
  address: '地址',
  phone: '联系电话',
  countyUrl: '县级平台地址',
  printer: '打印机',
  idleMinutes: '空闲退出分钟数',
  receiptLayout: '回执纸张',
  from: '原',
  to: '新',
  label: '版本号',
  items: '事项数',
  added: '新增',
  updated: '修改',
  retired: '停用',
  source: '来源',
  version: '清单版本',
  receiptNo: '回执编号',
  noticeNo: '告知书编号',
  itemCode: '事项编码',
  promisedDate: '承诺办结日期',
  missing: '缺少材料（项）',
  via: '途径',
  rows: '行数',
  fullIdNumbers: '含完整身份证号',
  fileName: '文件名',
  created: '新增',
  skipped: '跳过',
  onExisting: '已登记居民处理方式',
  kind: '单据类型',
  number: '单据编号',
  of: '所属记录',
  entity: '类型',
  entityId: '记录号',
  layout: '纸张',
  sha256: '文件校验码',
  pages: '页数',
  missingGlyphs: '无法显示的字数',
  copyNo: '第几份',
  reprintNo: '补打次数',
  jobId: '打印任务号',
  filters: '筛选条件',
  dateFrom: '起始日期',
  dateTo: '截止日期',
  actorId: '操作人',
  action: '操作',
  record: '记录',
  mustChangePassword: '须本人改密码',
  required: '首次登录或重置后修改',
  warningsOverridden: '核实后仍予受理的提示',
  handedOver: '当场交付',
  proxy: '他人代领',
  transmittalNo: '转报单编号',
  receiptNos: '回执编号',
  channel: '报送方式',
  year: '年度',
  origin: '来源方式',
  replaced: '替换的版本',
  affected: '承诺日期有差异的事项',
  permission: '权限',
  phonesMasked: '电话号码已脱敏',
  files: '文件数',
  keepDays: '保留天数',
  caseNo: '救助案件编号',
  caseId: '救助案件',
  agree: '初审同意',
  reliefType: '救助类型',
  fromStatus: '原状态',
  toStatus: '新状态',
  step: '办理步骤',
  round: '调查轮次',
  members: '家庭人口',
  closeRelative: '近亲属备案',
  relativeOf: '近亲属类别',
  effectiveFrom: '执行日期',
  standardYuan: '低保标准（元/人·月）',
  amountYuan: '金额（元）',
  startMonth: '起始月份',
  decision: '审批结果',
  basedOnVersion: '依据版本',
  tasks: '后续手续（项）',
  task: '后续手续',
  fields: '导出字段',
  redacted: '已隐去收入健康信息',
  limits: '财产限额',
  time: '办理时限',
  wishNo: '心愿编号',
  category: '类别',
  valueFen: '预估价值（分）',
  capFen: '价值上限（分）',
  deadline: '心愿截止日期',
  claimNo: '认领凭证编号',
  claimants: '认领方数',
  shares: '认领份额（%）',
  promisedHandoverDate: '承诺交接日期',
  handoverDate: '交接日期',
  proofs: '交接凭证数',
  satisfaction: '满意度',
  bytes: '文件大小（字节）',
  mime: '文件类型',
  warnings: '提示',
};

/** Where a field name means something else for one kind of record ("name" of a station is its 站点名称). */
export const ENTITY_DETAIL_KEYS: Record<string, Record<string, string>> = {
  station: { name: '站点名称', code: '站点编码', county: '所属县（市、区）', phone: '联系电话', address: '地址' },
  catalogue_item: { name: '名称', category: '类别', department: '责任部门', materials: '所需材料', timeLimit: '承诺时限', forwarded: '是否转报', notes: '备注', version: '清单版本' },
  intake: { from: '原状态', to: '新状态' },
  wish: { from: '原状态', to: '新状态', source: '心愿来源' },
  claimant: { kind: '认领方类型', category: '认领方类别' },
};

/** Printed forms, by the kind the documents service records. */
export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  'intake.acceptance': '受理回执',
  'intake.correction': '一次性告知书',
  'intake.completion': '办结回执',
  'intake.transmittal': '转报单',
  'relief.acceptance': '社会救助受理回执',
  'relief.correction': '补正材料通知书',
  'relief.authorization': '家庭经济状况核对授权书',
  'relief.investigation': '社会救助入户调查表',
  'relief.publicity': '社会救助审核公示',
  'relief.refusal': '社会救助不予批准通知书',
  'wish.claim': '认领凭证',
  'wish.handover': '圆梦交接单',
  'wish.poster': '心愿墙海报',
};

/** Coded values, whatever key carries them (keys of free text never pass through here). */
export const DETAIL_VALUES: Record<string, string> = {
  'wrong-password': '密码错误',
  a4: 'A4 纸',
  thermal80: '80 毫米热敏纸',
  'unknown-login': '登录名不存在',
  'no-such-login': '登录名不存在',
  locked: '账号已锁定',
  inactive: '账号已停用',
  disabled: '账号已停用',
  form: '登记表',
  import: '批量导入',
  revealIdNumber: '查看完整身份证号',
  exportLedger: '导出台账',
  skip: '跳过',
  match: '更新',
  ...VERSION_SOURCE_LABELS,
  ...INTAKE_STATUS_LABELS,
  ...WISH_STATUS_LABELS,
  person: '个人',
  unit: '单位',
};

/** Values that mean one thing under one key only. */
const VALUES_BY_KEY: Record<string, Record<string, string>> = {
  role: ROLE_LABELS,
  permission: GRANT_LABELS,
  kind: DOCUMENT_KIND_LABELS,
  origin: { shipped: '随软件提供', station: '本站导入', county: '县级平台下发' },
  channel: FORWARD_CHANNEL_LABELS,
  reliefType: RELIEF_TYPE_LABELS,
  // a wish's and a relief case's steps share one detail key; their codes agree where they meet
  step: { ...RELIEF_STEP_LABELS, ...WISH_STEP_LABELS },
  relativeOf: CLOSE_RELATIVE_OF_LABELS,
  decision: { approved: '批准', refused: '不予批准' },
  // relief statuses share codes with 代办's (accepted, forwarded): keyed apart
  fromStatus: RELIEF_STATUS_LABELS,
  toStatus: RELIEF_STATUS_LABELS,
};

/** What people typed or the system numbered: shown as it is, even when it looks like a code. */
const FREE_TEXT_KEYS = new Set(['login', 'name', 'fileName', 'printer', 'jobId', 'number', 'receiptNo', 'noticeNo', 'itemCode', 'label', 'code', 'entityId', 'address', 'phone', 'county', 'record', 'actorId', 'transmittalNo', 'receiptNos', 'caseNo', 'startMonth', 'effectiveFrom', 'task', 'wishNo', 'claimNo', 'category', 'satisfaction', 'deadline', 'promisedHandoverDate', 'handoverDate', 'mime']);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const HEX_DIGEST = /^[0-9a-f]{64}$/;

export interface AuditRecordLike {
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

export function hasActionLabel(action: string): boolean {
  return Object.prototype.hasOwnProperty.call(ACTION_LABELS, action);
}

/** An action without a label still reads as an action, with its code for whoever adds the label. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? `其他操作（${action}）`;
}

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? `其他记录（${entity}）`;
}

type KeyLabel = (key: string) => string;

function keyLabelFor(entity: string): KeyLabel {
  const own = ENTITY_DETAIL_KEYS[entity] ?? {};
  return (key) => own[key] ?? DETAIL_KEYS[key] ?? key;
}

function valueText(key: string, value: unknown, label: KeyLabel): string {
  if (value === null || value === undefined || value === '') return '无';
  if (typeof value === 'boolean') return value ? '是' : '否';
  // a list of changed fields names fields: show their names
  if (Array.isArray(value)) return value.length === 0 ? '无' : value.map((v) => (typeof v === 'string' ? label(v) : valueText(key, v, label))).join('、');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // a reference to another record: its kind; the id itself is for the raw view
    if (typeof o.entity === 'string' && Object.keys(o).every((k) => k === 'entity' || k === 'entityId')) return entityLabel(o.entity);
    return Object.entries(o)
      .map(([k, v]) => `${label(k)} ${valueText(k === 'from' || k === 'to' ? key : k, v, label)}`)
      .join('，');
  }
  const text = String(value);
  const own = VALUES_BY_KEY[key];
  if (own) return own[text] ?? text;
  if (HEX_DIGEST.test(text)) return `${text.slice(0, 12)}…`;
  if (ISO_INSTANT.test(text)) return formatDateTime(text);
  if (FREE_TEXT_KEYS.has(key)) return text;
  return DETAIL_VALUES[text] ?? text;
}

export interface DetailPart {
  label: string;
  value: string;
}

/** The detail as labelled parts, in the order the service wrote them. */
export function detailParts(entry: AuditRecordLike): DetailPart[] {
  const label = keyLabelFor(entry.entity);
  return Object.entries(entry.detail).map(([k, v]) => ({ label: label(k), value: valueText(k, v, label) }));
}

export function detailText(entry: AuditRecordLike): string {
  return detailParts(entry)
    .map((p) => `${p.label}：${p.value}`)
    .join('；');
}

/** What the entry is about, by the number a clerk knows it by where there is one. */
export function recordText(entry: AuditRecordLike): string {
  const d = entry.detail;
  const known = [d.receiptNo, d.number, d.noticeNo, d.login].find((v): v is string => typeof v === 'string' && v !== '');
  const ref = known ?? entry.entityId ?? '';
  return `${entityLabel(entry.entity)}${ref ? ` ${ref}` : ''}`;
}
