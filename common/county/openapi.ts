/**
 * The OpenAPI 3.1 document of the county server, built from the very zod schemas both ends
 * parse with (protocol.ts, admin.ts), so the document cannot say something the code does
 * not. scripts/openapi.mjs writes it to docs/openapi.json; tests/unit/openapi.test.ts
 * rebuilds it in memory and fails when the committed file differs.
 *
 * Requests are described in zod's "input" form (what a client may send: codes before
 * normalising, defaults optional), answers in its "output" form (what the server sends).
 */
import * as z from 'zod';
import * as P from './protocol';
import * as A from './admin';
import * as W from './wishes';
import { PublishedCatalogue } from '../catalogue';
import { noticeSchema } from '../calendar-file';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };
type Method = 'get' | 'post' | 'delete';
type Auth = 'none' | 'station' | 'admin' | 'adminWrite';

const REF = '#/components/schemas/';

/** Every schema the document names, and whether it travels as a request or an answer. */
const REQUESTS: Record<string, z.ZodType> = {
  EnrollRequest: P.EnrollRequest,
  OutboxEvent: P.OutboxEvent,
  AuditHead: P.AuditHead,
  PushRequest: P.PushRequest,
  DayCloseRequest: P.DayCloseRequest,
  AdminSignIn: A.AdminSignIn,
  StationCreate: A.StationCreate,
  DecideItem: A.DecideItem,
  DecideRelief: A.DecideRelief,
  PublishReliefStandard: A.PublishReliefStandard,
  PublishedCatalogue,
  HolidayNotice: noticeSchema(),
};
const ANSWERS: Record<string, z.ZodType> = {
  ErrorBody: P.ErrorBody,
  ConfigResponse: P.ConfigResponse,
  EnrollResponse: P.EnrollResponse,
  PushVerdict: P.PushVerdict,
  PushResponse: P.PushResponse,
  IntakeDecision: P.IntakeDecision,
  ReliefDecision: P.ReliefDecision,
  ReliefStandard: P.ReliefStandard,
  FeedItem: P.FeedItem,
  PullResponse: P.PullResponse,
  DayCloseResponse: P.DayCloseResponse,
  PublicProgress: P.PublicProgress,
  AdminSession: A.AdminSession,
  EnrollmentIssued: A.EnrollmentIssued,
  StationRow: A.StationRow,
  RejectedEventRow: A.RejectedEventRow,
  DayCloseRow: A.DayCloseRow,
  CountyItem: A.CountyItem,
  CountyReliefCase: A.CountyReliefCase,
  CountyWish: W.CountyWish,
  FeedSeq: z.object({ seq: P.Seq }),
};
/** Leaves shared by both directions (identical in either form). */
const SHARED: Record<string, z.ZodType> = { Instant: P.Instant, Day: P.Day, Hash: P.Hash, Seq: P.Seq };

function schemasFor(named: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonObject> {
  const reg = z.registry<{ id: string }>();
  for (const [id, s] of Object.entries({ ...SHARED, ...named })) reg.add(s, { id });
  const out = z.toJSONSchema(reg, { io, target: 'draft-2020-12', unrepresentable: 'any', uri: (id) => `${REF}${id}` });
  const schemas: Record<string, JsonObject> = {};
  for (const [id, s] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s as JsonObject;
    // Answers may grow fields within /v1; both ends strip what they do not know.
    schemas[id] = io === 'output' ? (dropClosed(rest) as JsonObject) : rest;
  }
  return schemas;
}

function dropClosed(j: Json): Json {
  if (Array.isArray(j)) return j.map(dropClosed);
  if (j === null || typeof j !== 'object') return j;
  const o: JsonObject = {};
  for (const [k, v] of Object.entries(j)) if (!(k === 'additionalProperties' && v === false)) o[k] = dropClosed(v);
  return o;
}

const ref = (name: string): JsonObject => ({ $ref: `${REF}${name}` });
const arrayOf = (name: string): JsonObject => ({ type: 'array', items: ref(name) });
const json = (schema: JsonObject): JsonObject => ({ 'application/json': { schema } });

const ERRORS: Record<string, string> = {
  '400': 'VALIDATION：请求体或参数不符合格式（中文说明在 error.message）',
  '401': 'UNAUTHORIZED：没有凭证、凭证无效或已吊销，或登记码不正确（站点：停止重试、保留队列，显示“重新登记”）',
  '403': 'FORBIDDEN：无权这样做，或登记码已过期（站点：同样停止重试、保留队列）',
  '404': 'NOT_FOUND',
  '409': 'CONFLICT：与已有数据冲突（例如登记码已使用、站点编码已存在、所依据的版本已过时）',
  '413': 'TOO_LARGE：请求体超过 maxBatchBytes 或事件数超过 maxBatchEvents；站点把批次减半',
  '415': 'UNSUPPORTED：Content-Type 不是 application/json，或 Content-Encoding 不是 gzip/identity',
  '429': 'RATE_LIMITED：稍后再试（Retry-After）',
  '500': 'INTERNAL：站点退避后重试，并把批次减半',
  '503': 'UNAVAILABLE：站点退避后重试，并把批次减半',
};

interface Op {
  method: Method;
  path: string;
  id: string;
  summary: string;
  auth: Auth;
  tag: 'sync' | 'public' | 'admin';
  body?: string;
  answer: JsonObject | null;
  answerText?: string;
  query?: Json[];
  errors: string[];
}

/** A query string's parameters, from the schema the server parses it with (its input form). */
function queryOf(schema: z.ZodObject, descriptions: Record<string, string>): Json[] {
  const j = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(j.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: (j.required ?? []).includes(name), schema: s, description: descriptions[name] ?? name }));
}
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

const OPS: Op[] = [
  { method: 'get', path: '/v1/config', id: 'getConfig', summary: '县级平台接受的批次大小与服务器时间', auth: 'none', tag: 'sync', answer: ref('ConfigResponse'), errors: ['500', '503'] },
  { method: 'post', path: '/v1/enroll', id: 'enroll', summary: '用一次性登记码换取站点令牌', auth: 'none', tag: 'sync', body: 'EnrollRequest', answer: ref('EnrollResponse'), errors: ['400', '401', '403', '409', '413', '415', '429', '500', '503'] },
  { method: 'post', path: '/v1/push', id: 'push', summary: '上送一批出站事件，逐条回答', auth: 'station', tag: 'sync', body: 'PushRequest', answer: ref('PushResponse'), errors: ['400', '401', '403', '413', '415', '429', '500', '503'] },
  {
    method: 'get',
    path: '/v1/pull',
    id: 'pull',
    summary: '按县级序号取本站的县级变更（游标分页）',
    auth: 'station',
    tag: 'sync',
    answer: ref('PullResponse'),
    query: queryOf(P.PullQuery, { after: '上次回答的 cursor；0 = 从头', limit: '每页条数（多于 maxPullItems 时按 maxPullItems）' }),
    errors: ['400', '401', '403', '429', '500', '503'],
  },
  { method: 'post', path: '/v1/day-close', id: 'dayClose', summary: '日结：当日摘要，全部事件到齐才确认', auth: 'station', tag: 'sync', body: 'DayCloseRequest', answer: ref('DayCloseResponse'), errors: ['400', '401', '403', '413', '415', '429', '500', '503'] },
  {
    method: 'get',
    path: '/public/progress',
    id: 'publicProgress',
    summary: '居民凭回执编号和查询码查看办理进度（不含个人信息）',
    auth: 'none',
    tag: 'public',
    answer: ref('PublicProgress'),
    query: queryOf(P.ProgressQuery, { receipt: '受理回执编号', code: '回执上印的 6 位查询码（字母不分大小写）' }),
    errors: ['400', '404', '429'],
  },
  { method: 'post', path: '/admin/api/session', id: 'adminSignIn', summary: '县级工作人员登录（设置会话 Cookie，回答 CSRF 令牌）', auth: 'none', tag: 'admin', body: 'AdminSignIn', answer: ref('AdminSession'), errors: ['400', '401', '429'] },
  { method: 'get', path: '/admin/api/session', id: 'adminSession', summary: '页面打开时确认会话仍有效，并取回 CSRF 令牌', auth: 'admin', tag: 'admin', answer: ref('AdminSession'), errors: ['401'] },
  { method: 'delete', path: '/admin/api/session', id: 'adminSignOut', summary: '退出登录', auth: 'adminWrite', tag: 'admin', answer: null, answerText: '已退出', errors: ['401', '403'] },
  { method: 'get', path: '/admin/api/stations', id: 'listStations', summary: '站点列表：登记状态、最后同步、积压、拒收事件、日结、操作日志头', auth: 'admin', tag: 'admin', answer: arrayOf('StationRow'), errors: ['401'] },
  { method: 'post', path: '/admin/api/stations', id: 'createStation', summary: '新建站点并生成一次性登记码', auth: 'adminWrite', tag: 'admin', body: 'StationCreate', answer: ref('EnrollmentIssued'), errors: ['400', '401', '403', '409'] },
  { method: 'post', path: '/admin/api/stations/{id}/enrollment', id: 'reissueEnrollment', summary: '重新登记：新登记码；用掉时旧令牌吊销', auth: 'adminWrite', tag: 'admin', answer: ref('EnrollmentIssued'), errors: ['401', '403', '404'] },
  { method: 'post', path: '/admin/api/stations/{id}/revoke', id: 'revokeStation', summary: '吊销站点令牌', auth: 'adminWrite', tag: 'admin', answer: ref('StationRow'), errors: ['401', '403', '404'] },
  { method: 'get', path: '/admin/api/stations/{id}/rejected', id: 'stationRejected', summary: '站点被拒收的事件及原因', auth: 'admin', tag: 'admin', answer: arrayOf('RejectedEventRow'), errors: ['401', '404'] },
  { method: 'get', path: '/admin/api/stations/{id}/day-closes', id: 'stationDayCloses', summary: '站点的日结记录', auth: 'admin', tag: 'admin', answer: arrayOf('DayCloseRow'), errors: ['401', '404'] },
  {
    method: 'get',
    path: '/admin/api/items',
    id: 'listItems',
    summary: '转报来的代办事项（按站点、状态、超期筛选）',
    auth: 'admin',
    tag: 'admin',
    answer: arrayOf('CountyItem'),
    query: queryOf(A.ItemFilter, { stationId: '只看一个站点', status: '状态', overdue: '只看超期', limit: '条数' }),
    errors: ['400', '401'],
  },
  { method: 'post', path: '/admin/api/items/{stationId}/{intakeId}/decision', id: 'decideItem', summary: '受理并指定部门 / 办结 / 退回；进入该站点的下行队列', auth: 'adminWrite', tag: 'admin', body: 'DecideItem', answer: ref('CountyItem'), errors: ['400', '401', '403', '404', '409'] },
  {
    method: 'get',
    path: '/admin/api/relief',
    id: 'listRelief',
    summary: '报县审批的社会救助案件及家庭情况摘要（不含身份证号，姓名隐去）',
    auth: 'admin',
    tag: 'admin',
    answer: arrayOf('CountyReliefCase'),
    query: queryOf(A.ReliefFilter, { stationId: '只看一个站点', status: 'forwarded 待审批 / decided 已审批 / all', limit: '条数' }),
    errors: ['400', '401'],
  },
  { method: 'post', path: '/admin/api/relief/{stationId}/{caseId}/decision', id: 'decideRelief', summary: '社会救助审批：批准（金额、起始月份）或不予批准（理由）；进入该站点的下行队列', auth: 'adminWrite', tag: 'admin', body: 'DecideRelief', answer: ref('CountyReliefCase'), errors: ['400', '401', '403', '404', '409'] },
  { method: 'post', path: '/admin/api/relief/standard', id: 'publishReliefStandard', summary: '发布当地低保标准（元/人·月，执行日期；下发到每个站点）', auth: 'adminWrite', tag: 'admin', body: 'PublishReliefStandard', answer: ref('FeedSeq'), errors: ['400', '401', '403'] },
  {
    method: 'get',
    path: '/admin/api/wishes',
    id: 'listWishes',
    summary: '各站点的微心愿及其每一步（只读）',
    auth: 'admin',
    tag: 'admin',
    answer: arrayOf('CountyWish'),
    query: queryOf(W.WishFilter, { stationId: '只看一个站点', status: '状态', limit: '条数' }),
    errors: ['400', '401'],
  },
  { method: 'post', path: '/admin/api/catalogue', id: 'publishCatalogue', summary: '发布服务清单新版本（下发到每个站点）', auth: 'adminWrite', tag: 'admin', body: 'PublishedCatalogue', answer: ref('FeedSeq'), errors: ['400', '401', '403', '413'] },
  { method: 'post', path: '/admin/api/calendar', id: 'publishCalendar', summary: '发布下一年的节假日与调休安排（下发到每个站点）', auth: 'adminWrite', tag: 'admin', body: 'HolidayNotice', answer: ref('FeedSeq'), errors: ['400', '401', '403', '413'] },
];

const SECURITY: Record<Auth, Json[]> = { none: [], station: [{ stationToken: [] }], admin: [{ adminSession: [] }], adminWrite: [{ adminSession: [], adminCsrf: [] }] };

function operation(op: Op): JsonObject {
  const o: JsonObject = { operationId: op.id, summary: op.summary, tags: [op.tag], security: SECURITY[op.auth] };
  const params: Json[] = [...(op.path.match(/\{(\w+)\}/g) ?? []).map((p) => pathParam(p.slice(1, -1))), ...(op.query ?? [])];
  if (params.length) o.parameters = params;
  if (op.body) o.requestBody = { required: true, description: 'UTF-8 JSON; may be sent with Content-Encoding: gzip (limits count the inflated bytes)', content: json(ref(op.body)) };
  const responses: JsonObject = { '200': op.answer ? { description: '成功', content: json(op.answer) } : { description: op.answerText ?? '成功' } };
  for (const code of op.errors) responses[code] = { description: ERRORS[code] ?? code, content: json(ref('ErrorBody')) };
  o.responses = responses;
  return o;
}

/** The whole document; deterministic (same schemas → same text). */
export function buildOpenApi(): JsonObject {
  const schemas: Record<string, JsonObject> = { ...schemasFor(ANSWERS, 'output'), ...schemasFor(REQUESTS, 'input') };
  const paths: Record<string, JsonObject> = {};
  for (const op of OPS) paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operation(op) };
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]!]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'StationDesk 县级平台同步接口',
      version: `${P.PROTOCOL_VERSION}`,
      description:
        '站点与县级平台之间的同步协议 /v1（docs/sync-protocol.md 是其文字说明），以及县级网页用的 /admin/api 和居民查询用的 /public/progress。由 common/county/protocol.ts 与 admin.ts 的 zod 模式生成（scripts/openapi.mjs），请勿手改。请求体可以 gzip 压缩（Content-Encoding: gzip）；非 2xx 的回答都是 ErrorBody。',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: 'https://county.example.gov.cn', description: '县级平台（HTTPS；明文 HTTP 只用于本机 127.0.0.1）' }],
    tags: [
      { name: 'sync', description: '站点同步（/v1）' },
      { name: 'public', description: '居民查询' },
      { name: 'admin', description: '县级工作人员网页的接口（/admin/api）' },
    ],
    paths,
    components: {
      securitySchemes: {
        stationToken: { type: 'http', scheme: 'bearer', description: '登记时得到的站点令牌 sdt_…；县级只存其哈希；从不出现在 URL 或日志中' },
        adminSession: { type: 'apiKey', in: 'cookie', name: 'sd_county', description: '登录后的会话 Cookie（HttpOnly, SameSite=Strict）' },
        adminCsrf: { type: 'apiKey', in: 'header', name: A.CSRF_HEADER, description: '登录回答中的 csrf，每个修改类请求都要带' },
      },
      schemas: sorted,
    },
  };
}

/** The text docs/openapi.json holds. */
export function openApiText(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}
