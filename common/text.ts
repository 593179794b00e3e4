/**
 * One rule for every free-text field of the contract (names, addresses, notes, titles, reasons…):
 * well-formed UTF-16 (no lone surrogate, which would be stored as U+FFFD and silently change the
 * data; nor U+FFFD, which is what such damage leaves), no control characters (tab and, in multi-line fields, line breaks excepted), no bidi
 * embedding/override/isolate marks (U+202E spoofs receipts and the audit log), and NFC.
 * Rare CJK characters (Ext A–H, compatibility supplement) are ordinary letters here and pass.
 */
import * as z from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** U+FFFD: what a lone surrogate or a wrongly decoded file (GBK read as UTF-8) becomes — the text is already damaged */
const REPLACEMENT = /\uFFFD/;
/** C0 (but tab, LF, CR), DEL, C1 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
/** LRM, RLM, ALM, LRE…RLO, LRI…PDI */
const BIDI = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

export type TextProblem = 'surrogate' | 'control' | 'lineBreak' | 'bidi';

const PROBLEM_MESSAGES: Record<TextProblem, string> = {
  surrogate: '含有无法识别的字符（可能是复制时损坏的生僻字），请重新输入',
  control: '含有不可见的控制字符，请删除后重新输入',
  lineBreak: '不能换行',
  bidi: '含有改变文字方向的隐藏字符，请删除后重新输入',
};

/** What is wrong with a text under the rule, or null. */
export function textProblem(s: string, opts: { multiline?: boolean } = {}): TextProblem | null {
  if (LONE_SURROGATE.test(s) || REPLACEMENT.test(s)) return 'surrogate';
  if (BIDI.test(s)) return 'bidi';
  if (!opts.multiline && LINE_BREAK.test(s)) return 'lineBreak';
  if (CONTROL.test(s)) return 'control';
  return null;
}

/**
 * The text with each lone surrogate replaced by U+FFFD: exactly what SQLite will store for it,
 * so a hash taken over a value (the audit chain) is taken over what is read back.
 */
export function wellFormed(s: string): string {
  return s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

export function textProblemMessage(label: string, problem: TextProblem): string {
  return `${label}${PROBLEM_MESSAGES[problem]}`;
}

export interface FreeTextOptions {
  /** longest allowed, in characters as a clerk counts them (a rare character outside the BMP counts once) */
  max: number;
  min?: number;
  /** notes, descriptions: line breaks allowed (CRLF stored as LF) */
  multiline?: boolean;
  /** what to say when the field is left out or (with min 1) empty; default 请填写<label> */
  missing?: string;
}

/** Characters as a clerk counts them: a supplementary-plane CJK character is one. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * A free-text field: trimmed, checked by the rule, NFC-normalised, length-limited, each
 * refusal in Chinese naming the field. A refusal does not stop the object around it from
 * running its own cross-field checks (`continue`), as zod's plain string checks do not, so a
 * form still hears about every field at once; those checks see a string (the text as given),
 * never zod's NEVER, so a refinement written for strings cannot throw on it.
 */
export function freeText(label: string, opts: FreeTextOptions) {
  const { max, min = 0, multiline = false } = opts;
  const missing = opts.missing ?? `请填写${label}`;
  return z
    .string({ error: (issue) => (issue.input === undefined && (min > 0 || opts.missing) ? missing : `${label}格式不正确`) })
    .transform((raw, ctx) => {
      const problem = textProblem(raw, { multiline });
      if (problem) {
        ctx.addIssue({ code: 'custom', message: textProblemMessage(label, problem), continue: true });
        return raw;
      }
      const v = (multiline ? raw.replace(/\r\n?/g, '\n') : raw).normalize('NFC').trim();
      const n = charCount(v);
      if (n < min) {
        ctx.addIssue({ code: 'custom', message: min === 1 || n === 0 ? missing : `${label}至少 ${min} 个字`, continue: true });
        return v;
      }
      if (n > max) {
        ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${max} 个字`, continue: true });
        return v;
      }
      return v;
    });
}

/**
 * What a key a call looks a record up by may hold (ids, action names, job ids): printable ASCII,
 * no space. Such a field is not free text, but it must refuse what free text refuses too, or an
 * ill-formed string would reach a query, a log line or an audit entry.
 */
export const KEY_PATTERN = /^[\x21-\x7E]+$/;

/** A record key: trimmed, 1 to `max` printable ASCII characters, each refusal naming the field. */
export function plainKey(label: string, opts: { max: number; missing?: string }) {
  const missing = opts.missing ?? `缺少${label}`;
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(opts.max, { error: `${label}过长` })
    .regex(KEY_PATTERN, { error: `${label}格式不正确` });
}
