/**
 * 避头尾 for the PDF text flow. pdfmake breaks lines by UAX #14 (the linebreak package),
 * which already keeps closing punctuation (。，、）」…) off the start of a line and opening
 * punctuation off its end. What it does not do is avoid an orphan: a paragraph whose last
 * line is "件。" alone. So the last few characters of a text are kept together (pdfmake's
 * noWrap on an inline), which moves a break, if one is needed, to before them.
 */
import type { Inline } from './pdfmake';

/** characters of text kept with the closing punctuation on the last line */
const TAIL = 3;
const CLOSING = /[\p{Pe}\p{Pf}\p{Po}]/u;

/** The text with its last TAIL characters (and any punctuation after them) unbreakable. */
export function keepTail(text: string): string | Inline[] {
  const chars = [...text.trimEnd()];
  if (chars.length < TAIL * 3 || /\n/.test(text)) return text;
  let start = chars.length;
  let kept = 0;
  while (start > 0 && kept < TAIL) {
    start -= 1;
    if (!CLOSING.test(chars[start]!) && !/\s/.test(chars[start]!)) kept += 1;
  }
  // A tail beginning with a space would break before the space, so start after it.
  while (start < chars.length && /\s/.test(chars[start]!)) start += 1;
  const head = chars.slice(0, start).join('');
  const tail = chars.slice(start).join('');
  return head && tail ? [head, { text: tail, noWrap: true }] : text;
}
