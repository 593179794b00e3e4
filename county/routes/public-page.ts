/**
 * The resident's progress page, opened from the QR code on a 受理回执:
 *   GET /p/<receiptNo>?c=<查询码>       (what the QR code holds)
 *   GET /p?r=<receiptNo>&c=<查询码>     (the form, typed by hand)
 * Server-rendered HTML without a script, for any phone. Nothing personal is shown; an unknown
 * receipt and a wrong check code give the same page and status, so numbers cannot be probed;
 * every look-up counts against the caller's address (in PostgreSQL, shared by all instances).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { CheckCode, type PublicProgress } from '../../common/county/protocol';
import { formatDateTime } from '../../common/time';
import type { CountyStore } from '../store/types';
import type { RateLimits, RateRule } from '../store-extra/rate-limits';

export const PROGRESS_RULE: RateRule = { bucket: 'progress', windowMs: 60_000, limit: 30 };

const STYLE = `body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f8;color:#1f2329;font-size:17px;line-height:1.6}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.25rem;margin:.5rem 0 1rem}
.card{background:#fff;border-radius:10px;padding:1rem 1.1rem;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:1rem}
.status{font-size:1.5rem;font-weight:700;color:#1456c8;margin:.2rem 0 .6rem}
.status.done{color:#1a7f37}.status.back{color:#c2410c}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.35rem 1rem}dt{color:#667085}dd{margin:0;word-break:break-all}
.note{background:#fffbe6;border:1px solid #ffe58f;border-radius:8px;padding:.7rem .9rem;margin-top:.8rem}
label{display:block;margin:.6rem 0 .2rem}input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.55rem;border:1px solid #c9cdd4;border-radius:6px}
button{margin-top:1rem;width:100%;font-size:1.1rem;padding:.65rem;border:0;border-radius:6px;background:#1456c8;color:#fff}
footer{color:#667085;font-size:.85rem;text-align:center;margin-top:1.5rem}`;

/** Only this exact stylesheet may run: the page needs no script, image or connection. */
export const PROGRESS_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const ReceiptNo = z.string().trim().min(1).max(40).regex(/^[0-9A-Za-z-]+$/);

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}<footer>代办事项进度查询 · 本页不显示任何个人信息</footer></main></body></html>`;
}

function lookupForm(receiptNo = '', message = ''): string {
  return `<h1>代办事项进度查询</h1>${message ? `<div class="card note" role="alert">${esc(message)}</div>` : ''}<form class="card" method="get" action="/p">
<label for="r">回执编号</label><input id="r" name="r" value="${esc(receiptNo)}" autocomplete="off" maxlength="40" required>
<label for="c">查询码（回执上的 6 位字母或数字）</label><input id="c" name="c" autocomplete="off" maxlength="6" autocapitalize="characters" required>
<button type="submit">查询</button></form>`;
}

function whatNext(p: PublicProgress): { cls: string; note: string } {
  if (p.reason) return { cls: 'back', note: `退回原因及需补充的材料：${p.reason}。请带齐后到${p.stationName}重新办理。` };
  if (p.result) return { cls: 'done', note: `办理结果：${p.result}。如需领取，请带上受理回执到${p.stationName}。` };
  return { cls: '', note: `正在办理中，承诺于 ${p.promisedDate} 前办结。办结后可凭受理回执到${p.stationName}领取或咨询。` };
}

function progressHtml(p: PublicProgress): string {
  const next = whatNext(p);
  const rows: [string, string][] = [
    ['回执编号', p.receiptNo],
    ['办理事项', p.itemName],
    ['受理站点', p.stationName],
    ...(p.department ? ([['承办部门', p.department]] as [string, string][]) : []),
    ['受理时间', formatDateTime(p.acceptedAt)],
    ['承诺办结', p.promisedDate],
    ['最近更新', formatDateTime(p.updatedAt)],
  ];
  return `<h1>代办事项进度</h1><section class="card"><div class="status ${next.cls}">${esc(p.statusLabel)}</div><dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl><div class="note">${esc(next.note)}</div></section>`;
}

const NOT_FOUND = '没有找到该回执，请核对回执编号和查询码（查询码在受理回执上）。';

export interface PublicPageOptions {
  store: CountyStore;
  limits: RateLimits;
}

export async function publicPage(app: FastifyInstance, opts: PublicPageOptions): Promise<void> {
  const send = (reply: FastifyReply, status: number, title: string, body: string) =>
    reply.code(status).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PROGRESS_CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').send(page(title, body));

  async function answer(req: FastifyRequest, reply: FastifyReply, receipt: string | undefined, code: string | undefined) {
    if (receipt === undefined && code === undefined) return send(reply, 200, '代办事项进度查询', lookupForm());
    const n = await opts.limits.hit(PROGRESS_RULE, `${opts.store.countyId}:${req.ip}`);
    if (n > PROGRESS_RULE.limit) return send(reply, 429, '查询过于频繁', lookupForm('', `查询过于频繁，请 ${opts.limits.minutesLeft(PROGRESS_RULE)} 分钟后再试。`));
    const r = ReceiptNo.safeParse(receipt);
    const c = CheckCode.safeParse(code);
    const found = r.success && c.success ? await opts.store.publicProgress(r.data, c.data) : null;
    if (!found) return send(reply, 404, '没有找到该回执', lookupForm(r.success ? r.data : '', NOT_FOUND));
    return send(reply, 200, `进度：${found.itemName}`, progressHtml(found));
  }

  const Query = z.object({ r: z.string().max(100).optional(), c: z.string().max(100).optional() });
  const q = (req: FastifyRequest) => {
    const parsed = Query.safeParse(req.query);
    return parsed.success ? parsed.data : {};
  };
  app.get('/p', async (req, reply) => {
    const { r, c } = q(req);
    return answer(req, reply, r, c);
  });
  app.get('/p/:receiptNo', async (req, reply) => {
    const receiptNo = (req.params as { receiptNo?: string }).receiptNo ?? '';
    return answer(req, reply, receiptNo.slice(0, 100), q(req).c ?? '');
  });
}
