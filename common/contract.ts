/**
 * The one list of every call between the renderer and main (DESIGN.md §3).
 * Each call is named once here with its input and output schema; the IPC and HTTP
 * transports, the preload bridge and the renderer's client are all derived from it.
 */
import * as z from 'zod';
import { ROLES } from './roles';
import type { StaffActor } from './actor';
import { checkPhone } from './phone';
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from './password-rules';
import { call, mergeParts, none, RequestId, type CallSpec } from './contract-kit';
import { freeText, plainKey } from './text';
import { residentsCalls } from './contracts/residents';
import { catalogueCalls } from './contracts/catalogue';
import { intakeCalls } from './contracts/intake';
import { documentsCalls } from './contracts/documents';
import { calendarCalls } from './contracts/calendar';
import { dayCloseCalls } from './contracts/dayclose';
import { syncCalls } from './contracts/sync';
import { grantsCalls } from './contracts/grants';
import { reliefDocsCalls } from './contracts/relief-docs';
import { reliefCalls } from './contracts/relief';
import { wishesCalls } from './contracts/wishes';
import { wishDocsCalls } from './contracts/wish-docs';

/** A required one-line text: the free-text rule (common/text.ts), at least one character. */
const trimmed = (label: string, max: number) => freeText(label, { min: 1, max });

export const StationCode = z
  .string({ error: '请填写站点编码' })
  .trim()
  .regex(/^[0-9A-Za-z]{4,20}$/, { error: '站点编码为 4–20 位字母或数字（通常为行政区划代码加站点序号）' });

/** The station's phone: the residents' check (common/phone.ts), stored in the same canonical spelling. */
export const Phone = z
  .string({ error: '请填写联系电话' })
  .trim()
  .max(30, { error: '联系电话过长' })
  .transform((v, ctx) => {
    const r = checkPhone(v);
    if (!r.ok) {
      // on the setup and settings screens the field sits among many: say which one is meant
      ctx.addIssue({ code: 'custom', message: v === '' ? r.message : `电话格式不正确：${r.message}` });
      return z.NEVER;
    }
    return r.phone;
  });

export const StationInput = z.object({
  code: StationCode,
  name: trimmed('站点名称', 60),
  county: trimmed('所属县（市、区）', 40),
  address: trimmed('地址', 120),
  phone: Phone,
});
export type StationInput = z.infer<typeof StationInput>;

/** As main answers it: plain strings, so a record stored before the text rule still reads back. */
export const Station = z.object({ code: z.string(), name: z.string(), county: z.string(), address: z.string(), phone: z.string(), updatedAt: z.string() });
export type Station = z.infer<typeof Station>;

export const LOGIN_PATTERN = /^[A-Za-z0-9_.-]{2,32}$/;

export const Login = z
  .string({ error: '请填写登录名' })
  .trim()
  .regex(LOGIN_PATTERN, { error: '登录名为 2–32 位字母、数字、下划线或点' })
  // the login is written in the audit log: a 身份证号 or a phone number does not belong there
  .refine((v) => !/\d{7}/.test(v), { error: '登录名不能使用身份证号或电话号码（不能含连续 7 位以上数字），请换一个' });

export const Password = z
  .string({ error: '请填写密码' })
  .min(8, { error: '密码至少 8 位' })
  .max(128, { error: '密码不能超过 128 位' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: '密码须同时包含字母和数字' })
  .refine((p) => !isCommonPassword(p), { error: COMMON_PASSWORD_MESSAGE });

export const Role = z.enum(ROLES, { error: '请选择角色' });

export const StaffName = trimmed('姓名', 30);
const StaffId = plainKey('人员编号', { max: 64 });

export const Staff = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  /** the password was typed by an administrator (new account, reset): its owner must set their own */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type Staff = z.infer<typeof Staff>;

export const Session = z.object({
  staff: Staff,
  signedInAt: z.string(),
  idleMinutes: z.number(),
});
export type Session = z.infer<typeof Session>;

export const MachineSettings = z.object({
  /** the county platform's base URL; empty until the station is enrolled */
  countyUrl: freeText('县级平台地址', { max: 200 }).refine((v) => v === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), { error: '县级平台地址须以 http:// 或 https:// 开头' }),
  /** the operating system's printer name; empty means not chosen yet */
  printer: freeText('打印机名称', { max: 120 }),
  /** sign the clerk out after this many minutes without activity */
  idleMinutes: z.number({ error: '请填写分钟数' }).int({ error: '请填写整数分钟' }).min(1, { error: '至少 1 分钟' }).max(240, { error: '最多 240 分钟' }),
  /** paper for receipts and notices: A4 sheets or an 80 mm thermal roll */
  receiptLayout: z.enum(['a4', 'thermal80'], { error: '请选择回执纸张' }),
  /** exported lists (台账, 操作日志) are removed from the data folder's exports/ after this many days */
  exportKeepDays: z.number({ error: '请填写天数' }).int({ error: '请填写整数天数' }).min(1, { error: '至少保留 1 天' }).max(365, { error: '最多保留 365 天' }),
});
export type MachineSettings = z.infer<typeof MachineSettings>;

export const AuditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const StationDay = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 年-月-日` });

/** Which entries the 操作日志 shows; dates are the station's (Asia/Shanghai), both ends included. */
export const AuditFilter = z
  .object({
    dateFrom: StationDay('起始日期').optional(),
    dateTo: StationDay('截止日期').optional(),
    actorId: plainKey('操作人编号', { max: 64 }).optional(),
    action: plainKey('操作类型', { max: 64 }).optional(),
    /** a record's id, or a number printed on it (回执编号, 告知书编号, 单据编号), or a login */
    record: freeText('记录编号', { max: 64 }).optional(),
  })
  .refine((f) => !f.dateFrom || !f.dateTo || f.dateFrom <= f.dateTo, { error: '起始日期不能晚于截止日期', path: ['dateTo'] });
export type AuditFilter = z.infer<typeof AuditFilter>;

const foundationCalls = {
  /** what the renderer needs before anyone signs in */
  'app.info': call(
    none,
    z.object({
      version: z.string(),
      transport: z.enum(['electron', 'browser']),
      setupNeeded: z.boolean(),
      station: Station.nullable(),
      dataDir: z.string(),
      /** the start-up check of the data folder's permissions, in Chinese; null when all is owner-only */
      dataDirWarning: z.string().nullable(),
      /** main's clock when it answered: the screen's "today" is main's (the same PC, but injected in tests) */
      now: z.string(),
      /** the hall screen's own host (http://127.0.0.1:<port>, main/host/lobby-host.ts), on a port kept between starts; null when it could not start (browser mode then serves it on the page's own address) */
      lobbyOrigin: z.string().nullable(),
    }),
    'public',
  ),
  /** first run: the station and its first administrator, once */
  'setup.init': call(
    z.object({
      station: StationInput,
      admin: z.object({ name: StaffName, login: Login, password: Password }),
    }),
    Session,
    'public',
  ),

  'auth.signIn': call(z.object({ login: freeText('登录名', { min: 1, max: 64 }), password: z.string().min(1, { error: '请填写密码' }).max(128) }), Session, 'public'),
  'auth.signOut': call(none, z.object({ signedOut: z.boolean() }), 'public'),
  /** the current session, or null when nobody is signed in (or idle sign-out happened) */
  'auth.session': call(none, Session.nullable(), 'public'),
  /** the clerk is active at the keyboard: keeps the session from idling out */
  'auth.activity': call(none, z.object({ expiresAt: z.string().nullable() }), 'public'),
  /** also the forced change at first sign-in or after a reset; answers with the session, no longer pending */
  'auth.changePassword': call(z.object({ current: z.string().min(1, { error: '请填写当前密码' }).max(128), next: Password }), z.object({ changed: z.literal(true), session: Session }), 'signedIn'),

  'staff.list': call(none, z.array(Staff), 'signedIn'),
  'staff.create': call(z.object({ requestId: RequestId, name: StaffName, login: Login, role: Role, password: Password }), Staff, 'staff.manage'),
  'staff.update': call(z.object({ id: StaffId, name: StaffName.optional(), role: Role.optional(), active: z.boolean().optional() }), Staff, 'staff.manage'),
  'staff.resetPassword': call(z.object({ id: StaffId, password: Password }), Staff, 'staff.manage'),
  'staff.unlock': call(z.object({ id: StaffId }), Staff, 'staff.manage'),

  'station.get': call(none, Station.nullable(), 'public'),
  'station.update': call(StationInput, Station, 'station.edit'),

  'settings.get': call(none, MachineSettings, 'signedIn'),
  'settings.update': call(MachineSettings.partial(), MachineSettings, 'settings.edit'),

  'audit.list': call(z.object({ limit: z.number().int().min(1).max(500).default(100), beforeSeq: z.number().int().positive().optional() }), z.array(AuditEntry), 'audit.read'),
  /** one page of the filtered log, newest first, with the number of entries the filter matches */
  'audit.search': call(
    z.object({ filter: AuditFilter.default({}), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }),
    z.object({ entries: z.array(AuditEntry), total: z.number() }),
    'audit.read',
  ),
  /** the actions present in the log, for the filter's list */
  'audit.actions': call(none, z.array(z.string()), 'audit.read'),
  /** the filtered log as .xlsx in Chinese (raw codes in their own columns), saved under exports/; audited */
  'audit.export': call(z.object({ filter: AuditFilter.default({}) }), z.object({ fileName: z.string(), savedPath: z.string(), base64: z.string(), rows: z.number() }), 'audit.read'),
  /**
   * walks the chain and holds it against the heads kept outside the log (本机设置, each 日结):
   * tailCut when the log ends before one of them; message says what is wrong, in Chinese
   */
  'audit.verify': call(
    none,
    z.object({ ok: z.boolean(), count: z.number(), brokenAt: z.number().nullable(), tailCut: z.boolean(), message: z.string().nullable(), heads: z.number() }),
    'audit.read',
  ),
} as const;

/** Every call: the foundation's, then one group per capability (common/contracts/<capability>.ts). */
export const contract = mergeParts(foundationCalls, residentsCalls, catalogueCalls, intakeCalls, documentsCalls, calendarCalls, syncCalls, dayCloseCalls, grantsCalls, reliefCalls, reliefDocsCalls, wishesCalls, wishDocsCalls);

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

/** Who dispatch resolved for a call from its declared access: nobody for a public call, else the signed-in staff member. */
export type CallerOf<N extends CallName> = Contract[N]['access'] extends 'public' ? null : StaffActor;

/** What main implements: a plain object of async functions, one per call, each told who is calling. */
export type StationApi = { [N in CallName]: (input: ParsedInput<N>, caller: CallerOf<N>) => Promise<CallOutput<N>> };

/** What the renderer calls: unparsed input (defaults may be omitted). */
export type ClientApi = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

export const CALL_NAMES = Object.keys(contract) as CallName[];

/**
 * A call's schemas and access by any name, as plain zod types: for code that handles every
 * call alike (dispatch, the transports, the fuzzer). `contract[name]` with the union of all
 * names makes the type checker union some 200 schemas' methods, seconds in every project.
 */
export function specOf(name: CallName): CallSpec {
  return (contract as Record<CallName, CallSpec>)[name];
}

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The IPC channel for a call; the only place a channel name is spelled. */
export function channelOf(name: CallName): string {
  return `station:${name}`;
}

/** The HTTP path for a call in browser mode. */
export function httpPathOf(name: CallName): string {
  return `/api/${name}`;
}

/** Header that carries the per-start token in browser mode. */
export const TOKEN_HEADER = 'x-station-token';
