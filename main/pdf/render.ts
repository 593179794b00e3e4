/**
 * One entry point from printable data to PDF bytes (DESIGN.md §6). pdfmake lays the form
 * out in this process; the fonts come from fonts.ts, already parsed.
 */
import { loadPdfmake, type Content, type TDocumentDefinitions } from './pdfmake';
import type { DocumentKind, PaperLayout, PrintableDocument } from './types';
import { MAIN_FAMILY, type FontSet } from './fonts';
import { A4_STEPS, composeForm, PAPERS, type FormModel, type Paper, type Reprint } from './layout';
import { acceptanceForm } from './forms/acceptance';
import { correctionForm } from './forms/correction';
import { completionForm } from './forms/completion';
import { transmittalForm } from './forms/transmittal';
import { dayCloseForm } from './forms/dayclose';
import { RELIEF_TITLES, reliefAcceptanceForm, reliefAuthorizationForm, reliefInvestigationForm, reliefPublicityForm, reliefRefusalForm } from './forms/relief';
import { wishClaimForm } from './forms/wish-claim';
import { wishHandoverForm } from './forms/wish-handover';
import { wishPosterDefinition, wishPosterModel } from './forms/wish-poster';

export interface RenderOptions {
  layout: PaperLayout;
  /** a 补打 copy: marked as such, with when */
  reprint?: Reprint | null;
}

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
  /** the form's title, e.g. 受理回执 (also the print job's name, with the number) */
  title: string;
  docTitle: string;
  /** characters no shipped font can draw: they print blank, so callers warn */
  missingGlyphs: number;
}

export const KIND_LABELS: Record<DocumentKind, string> = {
  'intake.acceptance': '受理回执',
  'intake.correction': '一次性告知书',
  'intake.completion': '办结回执',
  'intake.transmittal': '转报单',
  'dayclose.report': '日结报表',
  'relief.acceptance': RELIEF_TITLES.acceptance,
  'relief.correction': '补正材料通知书',
  'relief.authorization': RELIEF_TITLES.authorization,
  'relief.investigation': RELIEF_TITLES.investigation,
  'relief.publicity': RELIEF_TITLES.publicity,
  'relief.refusal': RELIEF_TITLES.refusal,
  'wish.claim': '认领凭证',
  'wish.handover': '圆梦交接单',
  'wish.poster': '心愿墙海报',
};

export function formModel(doc: PrintableDocument): FormModel {
  switch (doc.kind) {
    case 'intake.acceptance':
      return acceptanceForm(doc.data);
    case 'intake.correction':
      return correctionForm(doc.data);
    case 'intake.completion':
      return completionForm(doc.data);
    case 'intake.transmittal':
      return transmittalForm(doc.data);
    case 'dayclose.report':
      return dayCloseForm(doc.data);
    case 'relief.acceptance':
      return reliefAcceptanceForm(doc.data);
    case 'relief.correction':
      return { ...correctionForm(doc.data), title: '补正材料通知书', docTitle: `补正材料通知书 ${doc.data.noticeNo}` };
    case 'relief.authorization':
      return reliefAuthorizationForm(doc.data);
    case 'relief.investigation':
      return reliefInvestigationForm(doc.data);
    case 'relief.publicity':
      return reliefPublicityForm(doc.data);
    case 'relief.refusal':
      return reliefRefusalForm(doc.data);
    case 'wish.claim':
      return wishClaimForm(doc.data);
    case 'wish.handover':
      return wishHandoverForm(doc.data);
    case 'wish.poster':
      return wishPosterModel(doc.data);
  }
}

type Node = Record<string, unknown>;

/**
 * Rewrites every text of a pdfmake tree so each character is drawn by a font that has it
 * (fonts.ts). Walks the whole tree, so no form can forget a field.
 */
export function withFallback<T>(content: T, fonts: FontSet, missing: Set<number>): T {
  const textOf = (s: string, bold: boolean): string | Node[] => {
    const { segments, missing: m } = fonts.segment(s, bold);
    for (const cp of m) missing.add(cp);
    if (segments.length === 1 && segments[0]!.family === MAIN_FAMILY) return s;
    return segments.map((g) => (g.family === MAIN_FAMILY ? { text: g.text } : { text: g.text, font: g.family }));
  };
  const walk = (n: unknown, bold: boolean): unknown => {
    if (typeof n === 'string') {
      const t = textOf(n, bold);
      return typeof t === 'string' ? t : { text: t };
    }
    if (Array.isArray(n)) return n.map((x) => walk(x, bold));
    if (n === null || typeof n !== 'object') return n;
    const node = { ...(n as Node) };
    const b = typeof node.bold === 'boolean' ? node.bold : bold;
    if (typeof node.text === 'string') node.text = textOf(node.text, b);
    else if (Array.isArray(node.text)) node.text = node.text.map((x) => (typeof x === 'string' ? (() => { const t = textOf(x, b); return typeof t === 'string' ? t : { text: t }; })() : walk(x, b)));
    for (const key of ['stack', 'columns', 'ol', 'ul'] as const) if (Array.isArray(node[key])) node[key] = walk(node[key], b);
    if (node.table && typeof node.table === 'object') {
      const table = { ...(node.table as Node) };
      if (Array.isArray(table.body)) table.body = table.body.map((row: unknown) => walk(row, b));
      node.table = table;
    }
    return node;
  };
  return walk(content, false) as T;
}

/**
 * The pdfmake definition of a document, every text already split by font. pages() is known
 * once pdfmake has laid it out; missing holds the code points no font can draw.
 */
export function documentDefinition(fonts: FontSet, doc: PrintableDocument, opts: RenderOptions, paper: Paper = PAPERS[opts.layout]) {
  const model = formModel(doc);
  let pages = 0;
  const missing = new Set<number>();
  // the poster has a layout of its own (its paper, A4 or A3, is in its data)
  const def = doc.kind === 'wish.poster' ? wishPosterDefinition(doc.data, (n) => (pages = n), opts.reprint ?? null) : composeForm(model, paper, opts.reprint ?? null, (n) => (pages = n));
  const footer = def.footer;
  const definition: TDocumentDefinitions = {
    ...def,
    content: withFallback(def.content, fonts, missing),
    defaultStyle: { ...def.defaultStyle, font: MAIN_FAMILY },
    footer:
      typeof footer === 'function'
        ? (current: number, count: number): Content | null | undefined => {
            const f = footer(current, count);
            return f ? withFallback(f, fonts, missing) : f;
          }
        : footer,
  };
  return { definition, model, missing, pages: () => pages };
}

/**
 * Renders a printable document on the chosen paper. An A4 form that runs onto a second
 * sheet is laid out again tighter (layout.ts A4_STEPS); only a very long one keeps two.
 */
export async function renderDocument(fonts: FontSet, doc: PrintableDocument, opts: RenderOptions): Promise<RenderedPdf> {
  const steps = opts.layout === 'a4' && doc.kind !== 'wish.poster' ? A4_STEPS : [PAPERS[opts.layout]];
  let out: RenderedPdf | null = null;
  for (const paper of steps) {
    const { definition, model, missing, pages } = documentDefinition(fonts, doc, opts, paper);
    const pdfmake = loadPdfmake();
    pdfmake.setFonts(fonts.dictionary);
    const pdf = await pdfmake.createPdf(definition).getBuffer();
    out = { pdf, pages: pages(), title: model.title, docTitle: model.docTitle, missingGlyphs: missing.size };
    if (out.pages <= 1) break;
  }
  return out!;
}
