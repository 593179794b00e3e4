/**
 * The bundled fallback faces (fonts.css), and one repair they need. Chromium shapes a text
 * that has a rare character before the face for it has loaded with the missing-glyph box of
 * the first font in the stack, and keeps that shaping after the face arrives (a style or
 * font-family change does not redo it; a change of the text does). So once one of our faces
 * has loaded, every text on the page with a character in their ranges is set to another text,
 * laid out, and set back.
 */
import './fonts.css';

const RARE = /[\u{3400}-\u{4DBF}\u{20000}-\u{3FFFF}]/u;

function reshape(root: Node): void {
  const texts: [Text, string][] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const v = n.nodeValue;
    if (!v || !RARE.test(v)) continue;
    texts.push([n as Text, v]);
  }
  const fields: [HTMLInputElement | HTMLTextAreaElement, string][] = [];
  for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (RARE.test(el.value)) fields.push([el, el.value]);
  }
  if (texts.length === 0 && fields.length === 0) return;
  // A different text, a layout, then the text back. Without the layout in between Chromium
  // sees the same text at its next layout and keeps the old shaping (the box): the lobby's
  // cards kept 𡒄 and 𪚥 as boxes that way.
  for (const [n, v] of texts) n.nodeValue = `${v}\u200b`;
  const saved = fields.map(([el, v]) => {
    const { selectionStart, selectionEnd, selectionDirection } = el;
    el.value = `${v}\u200b`;
    return { selectionStart, selectionEnd, selectionDirection };
  });
  void document.body.getBoundingClientRect();
  for (const [n, v] of texts) n.nodeValue = v;
  fields.forEach(([el, v], i) => {
    el.value = v;
    const { selectionStart, selectionEnd, selectionDirection } = saved[i]!;
    if (document.activeElement === el && selectionStart !== null && selectionEnd !== null) el.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
  });
}

export function installRareCharacterFonts(): void {
  document.fonts.addEventListener('loadingdone', (e) => {
    if (e.fontfaces.some((f) => f.family.replace(/["']/g, '').startsWith('StationDesk'))) reshape(document.body);
  });
}
