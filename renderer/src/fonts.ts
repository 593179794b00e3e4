/**
 * The bundled fallback faces (fonts.css), and one repair they need. Chromium shapes a text
 * that has a rare character before the face for it has loaded with the missing-glyph box of
 * the first font in the stack, and keeps that shaping after the face arrives (a style or
 * font-family change does not redo it; a change of the text does). So once one of our faces
 * has loaded, every text on the page with a character in their ranges is set again.
 */
import './fonts.css';

const RARE = /[\u{3400}-\u{4DBF}\u{20000}-\u{3FFFF}]/u;

function reshape(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const v = n.nodeValue;
    if (!v || !RARE.test(v)) continue;
    // Setting the same value is a no-op; a different one, then back, is a change.
    n.nodeValue = `${v}\u200b`;
    n.nodeValue = v;
  }
  for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    const v = el.value;
    if (!RARE.test(v)) continue;
    const { selectionStart, selectionEnd, selectionDirection } = el;
    el.value = `${v}\u200b`;
    el.value = v;
    if (document.activeElement === el && selectionStart !== null && selectionEnd !== null) el.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
  }
}

export function installRareCharacterFonts(): void {
  document.fonts.addEventListener('loadingdone', (e) => {
    if (e.fontfaces.some((f) => f.family.replace(/["']/g, '').startsWith('StationDesk'))) reshape(document.body);
  });
}
