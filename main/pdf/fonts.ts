/**
 * The fonts every printed form uses (DESIGN.md §6), parsed once per process, and the
 * per-character fallback that makes every character of a name render.
 *
 * pdfmake draws a character the chosen font lacks as nothing at all (glyph 0, mapped to no
 * Unicode), so a name with 𠈌 would print with a hole and nobody would notice. Every text run
 * is therefore split by which font has each character: the main font (Noto Sans SC: all of
 * the URO and CJK Ext-A) where it can, the fallback (HanaMinB: CJK Ext-B to Ext-F) where it
 * cannot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import { loadPdfmake } from './pdfmake';

export const MAIN_FAMILY = 'NotoSansSC';
export const FALLBACK_FAMILY = 'HanaMinB';
export type Family = typeof MAIN_FAMILY | typeof FALLBACK_FAMILY;

export const FONT_FILES = {
  regular: 'NotoSansSC-Regular.ttf',
  bold: 'NotoSansSC-Bold.ttf',
  fallback: 'HanaMinB.ttf',
} as const;
type Face = keyof typeof FONT_FILES;

export interface Segment {
  text: string;
  family: Family;
}

export interface Segmented {
  segments: Segment[];
  /** code points neither font can draw (they would print as blanks) */
  missing: number[];
}

export interface FontSet {
  readonly dir: string;
  readonly faces: Readonly<Record<Face, Font>>;
  /** pdfmake's font dictionary; the names resolve to the faces parsed here */
  readonly dictionary: Record<Family, { normal: string; bold: string }>;
  /** true when pdfkit reuses the parsed faces; false means it re-parses them per document */
  readonly shared: boolean;
  /** which family draws this code point, or null when none can */
  familyFor(codePoint: number, bold?: boolean): Family | null;
  segment(text: string, bold?: boolean): Segmented;
}

/** The slice of fontkit's module this file uses; registerFormat is missing from @types/fontkit. */
interface FontkitModule {
  create(buffer: Buffer, postscriptName?: string): unknown;
  registerFormat(format: FontFormat): void;
}
interface FontFormat {
  probe(buffer: Uint8Array): boolean;
  new (stream: { buffer: Uint8Array }): object;
}

/**
 * The fontkit instance pdfkit itself loads (resolved from pdfkit's own folder): the ESM
 * build of fontkit is a separate instance with its own format registry.
 */
function pdfkitsFontkit(): FontkitModule {
  const req = createRequire(import.meta.url);
  const pdfkitMain = createRequire(req.resolve('pdfmake')).resolve('pdfkit');
  return createRequire(pdfkitMain)('fontkit') as FontkitModule;
}

const TOKEN_MAGIC = 'StationDesk-parsed-font:';
const parsedByToken = new Map<string, Font>();

function tokenKey(buffer: Uint8Array): string | null {
  if (buffer.length > 64) return null;
  const s = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('latin1');
  return s.startsWith(TOKEN_MAGIC) ? s : null;
}

/**
 * pdfkit builds every document's fonts with fontkit.create(bytes). Parsing a 10–30 MB CJK
 * font per receipt (cmap, glyph index, layout tables) costs tens of milliseconds, so each
 * document is handed a small token instead, and this registered "format" answers it with the
 * face parsed once. Faces are only read while a document is laid out and finalised, which
 * pdfkit does synchronously, so documents never interleave on one face.
 */
class ParsedFontFormat {
  static probe(buffer: Uint8Array): boolean {
    const key = tokenKey(buffer);
    return key !== null && parsedByToken.has(key);
  }
  constructor(stream: { buffer: Uint8Array }) {
    const font = parsedByToken.get(tokenKey(stream.buffer) ?? '');
    if (!font) throw new Error('unknown parsed-font token');
    return font;
  }
}

let registered: FontkitModule | null = null;
function registerParsedFormat(fontkit: FontkitModule): void {
  if (registered === fontkit) return;
  fontkit.registerFormat(ParsedFontFormat);
  registered = fontkit;
}

/** Outlines kept per face: a few thousand characters cover a station's receipts (~6 KB each). */
const OUTLINE_CACHE_LIMIT = 4000;
const KEPT = Symbol('outline kept');

/**
 * fontkit's TrueType subsetter decodes every glyph's whole outline, for every document, only
 * to learn whether it is a composite; with a shared face that is the same work each time and
 * a tenth of a receipt's render time. The decoded outline of a static font never changes, so
 * it is kept for the glyphs used most (the first OUTLINE_CACHE_LIMIT). `_decode` is fontkit's
 * internal name: where it is missing, nothing is wrapped and rendering is only slower.
 */
function keepDecodedOutlines(font: Font): void {
  type Glyph = { _decode?: () => unknown; [KEPT]?: true };
  const f = font as unknown as { getGlyph(id: number, codePoints?: number[]): Glyph };
  const getGlyph = f.getGlyph.bind(f);
  let kept = 0;
  f.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    const decode = glyph._decode;
    if (typeof decode === 'function' && !glyph[KEPT] && kept < OUTLINE_CACHE_LIMIT) {
      let outline: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          outline = decode.call(glyph);
          done = true;
        }
        return outline;
      };
      glyph[KEPT] = true;
      kept += 1;
    }
    return glyph;
  };
}

function isFont(x: unknown): x is Font {
  return typeof x === 'object' && x !== null && typeof (x as Font).hasGlyphForCodePoint === 'function' && typeof (x as Font).layout === 'function';
}

const COMBINING = /^\p{M}$/u;

/** Variation selectors (standard and ideographic), the zero-width joiner, the keycap mark. */
function attachesToPrevious(cp: number, ch: string): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0x200d || COMBINING.test(ch);
}

const loaded = new Map<string, FontSet>();

/** Loads (once per folder per process) the three faces from resources/fonts. */
export function loadFonts(fontsDir: string): FontSet {
  const dir = path.resolve(fontsDir);
  const cached = loaded.get(dir);
  if (cached) return cached;

  const fontkit = pdfkitsFontkit();
  const vfs = loadPdfmake().virtualfs;
  const faces = {} as Record<Face, Font>;
  const vfsNames = {} as Record<Face, string>;
  let shared = true;
  for (const face of Object.keys(FONT_FILES) as Face[]) {
    const file = path.join(dir, FONT_FILES[face]);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      throw new Error(`font file missing: ${file} (resources/fonts ships with the app)`, { cause: err });
    }
    const font = fontkit.create(bytes);
    if (!isFont(font)) throw new Error(`not a single-face font: ${file}`);
    keepDecodedOutlines(font);
    faces[face] = font;
    const token = `${TOKEN_MAGIC}${parsedByToken.size}`;
    parsedByToken.set(token, font);
    registerParsedFormat(fontkit);
    // Should a fontkit version not hand back what a registered format makes, pdfkit gets the
    // real bytes instead: slower, same output.
    const viaToken = shared && fontkit.create(Buffer.from(token, 'latin1')) === font;
    if (!viaToken) shared = false;
    vfsNames[face] = `stationdesk-fonts/${encodeURIComponent(dir)}/${face}`;
    // pdfkit checks `instanceof Uint8Array` against whatever the global is when it runs; a
    // copy made from the global passes even where a test environment (jsdom) replaces it.
    vfs.writeFileSync(vfsNames[face], Uint8Array.from(viaToken ? Buffer.from(token, 'latin1') : bytes));
  }

  const dictionary: FontSet['dictionary'] = {
    [MAIN_FAMILY]: { normal: vfsNames.regular, bold: vfsNames.bold },
    // HanaMinB has one weight; bold text falls back to it unbolded rather than not at all.
    [FALLBACK_FAMILY]: { normal: vfsNames.fallback, bold: vfsNames.fallback },
  };

  const coverage = { regular: new Map<number, boolean>(), bold: new Map<number, boolean>(), fallback: new Map<number, boolean>() };
  function has(face: Face, cp: number): boolean {
    const m = coverage[face];
    let v = m.get(cp);
    if (v === undefined) {
      v = faces[face].hasGlyphForCodePoint(cp);
      m.set(cp, v);
    }
    return v;
  }

  function familyFor(cp: number, bold = false): Family | null {
    if (has(bold ? 'bold' : 'regular', cp)) return MAIN_FAMILY;
    if (has('fallback', cp)) return FALLBACK_FAMILY;
    return null;
  }

  function segment(text: string, bold = false): Segmented {
    const segments: Segment[] = [];
    const missing: number[] = [];
    let current: Segment | null = null;
    for (const raw of text) {
      let ch = raw;
      const cp = ch.codePointAt(0)!;
      let family: Family | null;
      if (current !== null && cp >= 0x80 && attachesToPrevious(cp, ch)) {
        // A selector or mark belongs with its base character, whichever font draws that.
        family = current.family;
      } else {
        family = familyFor(cp, bold);
        if (family === null) {
          // A CJK compatibility ideograph is the same character as its unified form (NFC), which the fonts do have.
          const nfc = ch.normalize('NFC');
          const alt = nfc !== ch && [...nfc].length === 1 ? familyFor(nfc.codePointAt(0)!, bold) : null;
          if (alt) {
            ch = nfc;
            family = alt;
          } else {
            if (!/\s/u.test(ch)) missing.push(cp);
            family = MAIN_FAMILY;
          }
        }
      }
      if (current && current.family === family) current.text += ch;
      else {
        current = { text: ch, family };
        segments.push(current);
      }
    }
    return { segments, missing };
  }

  const set: FontSet = { dir, faces, dictionary, shared, familyFor, segment };
  loaded.set(dir, set);
  return set;
}
