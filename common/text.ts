/**
 * One rule for every free-text field of the contract (names, addresses, notes, titles, reasons…):
 * well-formed UTF-16 (no lone surrogate, which would be stored as U+FFFD and silently change the
 * data), no control characters (tab and, in multi-line fields, line breaks excepted), no bidi
 * embedding/override/isolate marks (U+202E spoofs receipts and the audit log), and NFC.
 * Rare CJK characters (Ext A–H, compatibility supplement) are ordinary letters here and pass.
 */
import * as z from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 (but tab, LF, CR), DEL, C1 */
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
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  if (BIDI.test(s)) return 'bidi';
  if (!opts.multiline && LINE_BREAK.test(s)) return 'lineBreak';
  if (CONTROL.test(s)) return 'control';
  return null;
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
}

/** Characters as a clerk counts them: a supplementary-plane CJK character is one. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * A free-text field: trimmed, checked by the rule, NFC-normalised, length-limited, each
 * refusal in Chinese naming the field.
 */
export function freeText(label: string, opts: FreeTextOptions) {
  const { max, min = 0, multiline = false } = opts;
  return z
    .string({ error: `${label}格式不正确` })
    .transform((raw, ctx) => {
      const problem = textProblem(raw, { multiline });
      if (problem) {
        ctx.addIssue({ code: 'custom', message: textProblemMessage(label, problem) });
        return z.NEVER;
      }
      const v = (multiline ? raw.replace(/\r\n?/g, '\n') : raw).normalize('NFC').trim();
      const n = charCount(v);
      if (n < min) {
        ctx.addIssue({ code: 'custom', message: min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字` });
        return z.NEVER;
      }
      if (n > max) {
        ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${max} 个字` });
        return z.NEVER;
      }
      return v;
    });
}
