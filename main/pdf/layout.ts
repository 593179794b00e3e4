/**
 * The look shared by every printed form: station name over a centred title, the number and
 * time, a bordered table of fields, the signature lines and a footer with the station's
 * phone — on A4, or as one long narrow strip for an 80 mm thermal roll.
 *
 * Forms describe themselves as a FormModel (main/pdf/forms/*); this file alone decides how
 * a model sits on each paper, so the forms look alike and a layout fix lands everywhere.
 */
import type * as QRCodeModule from 'qrcode';
import { createRequire } from 'node:module';
import type { CanvasRect, Content, ContentOrderedList, ContentText, TableCell, TableLayout, TDocumentDefinitions } from './pdfmake';
import type { PaperLayout, StationHeader } from './types';
import { dateTimeCn } from './format';
import { keepTail } from './kinsoku';

// Loaded with the first document, like pdfmake, to keep it off the start-up path.
let qrModule: typeof QRCodeModule | null = null;
const qrcode = () => (qrModule ??= createRequire(import.meta.url)('qrcode') as typeof QRCodeModule);

export interface Field {
  label: string;
  /** a list prints one entry per line, numbered */
  value: string | string[];
  /** takes the whole row on A4 instead of half of it */
  wide?: boolean;
  /** printed larger and bold: the name and the receipt number */
  strong?: boolean;
}

/** Who signs, and how: 申请人 + 签字 prints "申请人（签字）：____" or a 申请人签字 box. */
export interface Signer {
  who: string;
  act: '签字' | '签收';
}

export type Block =
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'paragraph'; text: string; indent?: boolean }
  | { kind: 'table'; headers: string[]; rows: string[][]; widths: (number | '*' | 'auto')[]; caption?: string; /** per column; by default the first centred, the rest left */ align?: ('left' | 'center' | 'right')[] }
  | { kind: 'progress'; payload: string; lines: string[] }
  | { kind: 'notes'; title: string; items: string[] }
  | { kind: 'signatures'; signers: Signer[]; stamp?: { org: string; date: string } };

export interface FormModel {
  station: StationHeader;
  /** 受理回执 */
  title: string;
  /** shown under the title: e.g. ['回执编号', '130102001-20261127-0001'] */
  number: [string, string];
  /** e.g. ['受理时间', '2026年11月27日 09:00'] */
  time: [string, string];
  blocks: Block[];
  /** PDF metadata title: never personal data (it also becomes the print job's name) */
  docTitle: string;
  /** when the document was made: fixed into the PDF so the same data renders the same bytes */
  madeAt: string;
}

export interface Reprint {
  /** 补打（第 n 次） */
  n: number;
  at: string;
}

export interface Paper {
  layout: PaperLayout;
  width: number;
  height: number | 'auto';
  margins: [number, number, number, number];
  font: number;
  small: number;
  title: number;
  header: number;
  qr: number;
  lineGap: number;
  /** vertical padding inside table cells */
  pad: number;
  /** gap above a block */
  gap: number;
}

const MM = 72 / 25.4;

const A4: Paper = { layout: 'a4', width: 595.28, height: 841.89, margins: [56, 40, 56, 52], font: 10.5, small: 8.5, title: 22, header: 14, qr: 72, lineGap: 1.2, pad: 4, gap: 8 };

/**
 * An A4 form should be one sheet: when a long list of materials pushes it over, it is laid
 * out again a step tighter (renderDocument tries these in order).
 */
export const A4_STEPS: readonly Paper[] = [A4, { ...A4, font: 9.5, small: 8, title: 20, qr: 64, lineGap: 1.1, pad: 2.5, gap: 5 }, { ...A4, margins: [48, 30, 48, 46], font: 9, small: 7.5, title: 18, header: 12, qr: 60, lineGap: 1.05, pad: 1.5, gap: 3 }];

export const PAPERS: Record<PaperLayout, Paper> = {
  a4: A4,
  // 80 mm roll, 72 mm printable: 4 mm either side; as long as the content.
  thermal80: { layout: 'thermal80', width: 80 * MM, height: 'auto', margins: [4 * MM, 4 * MM, 4 * MM, 8 * MM], font: 9, small: 7.5, title: 14, header: 10, qr: 96, lineGap: 1.2, pad: 2, gap: 4 },
};

export function contentWidth(p: Paper): number {
  return p.width - p.margins[0] - p.margins[2];
}

const BORDER = 0.8;
const LABEL_FILL = '#eeeeee';
const LABEL_WIDTH = 72;

function formTable(p: Paper, overrides: TableLayout = {}): TableLayout {
  return {
    hLineWidth: () => BORDER,
    vLineWidth: () => BORDER,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => (p.layout === 'a4' ? 6 : 3),
    paddingRight: () => (p.layout === 'a4' ? 6 : 3),
    paddingTop: () => p.pad,
    paddingBottom: () => p.pad,
    ...overrides,
  };
}

const stripTable: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 3,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

/** Dark modules of the QR code as rectangles, one per horizontal run: vector, crisp on any printer. */
export function qrCanvas(payload: string, size: number): Content {
  const qr = qrcode().create(payload, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  const rects: CanvasRect[] = [];
  for (let r = 0; r < n; r++) {
    let start = -1;
    for (let c = 0; c <= n; c++) {
      const dark = c < n && qr.modules.get(r, c) === 1;
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        // A hair of overlap keeps anti-aliased viewers from drawing seams between runs.
        rects.push({ type: 'rect', x: (start + quiet) * cell, y: (r + quiet) * cell, w: (c - start) * cell + 0.05, h: cell + 0.05, color: '#000000', lineWidth: 0 });
        start = -1;
      }
    }
  }
  return { canvas: rects, width: size, height: size };
}

function valueText(v: string | string[]): ContentText | ContentOrderedList {
  if (Array.isArray(v)) {
    if (v.length === 0) return { text: '（无）' };
    if (v.length === 1) return { text: keepTail(v[0]!) };
    return { ol: v.map((x) => ({ text: keepTail(x) })), markerColor: '#000000' };
  }
  return { text: v.trim() === '' ? '—' : keepTail(v) };
}

function labelCell(label: string): TableCell {
  return { text: label, bold: true, fillColor: LABEL_FILL, alignment: 'center', verticalAlignment: 'middle' };
}

function valueCell(f: Field, paper: Paper, colSpan?: number): TableCell {
  const cell = valueText(f.value);
  if (f.strong && 'text' in cell) Object.assign(cell, { bold: true, fontSize: paper.font + 1 });
  return Object.assign(cell, { verticalAlignment: 'middle' as const }, colSpan ? { colSpan } : {});
}

/** A4: label | value | label | value, a wide field spanning the three value columns. */
function fieldsA4(fields: Field[], paper: Paper): Content {
  const body: TableCell[][] = [];
  let pending: Field | null = null;
  const flush = () => {
    if (pending) body.push([labelCell(pending.label), valueCell(pending, paper, 3), {}, {}]);
    pending = null;
  };
  for (const f of fields) {
    if (f.wide || Array.isArray(f.value)) {
      flush();
      body.push([labelCell(f.label), valueCell(f, paper, 3), {}, {}]);
    } else if (pending) {
      body.push([labelCell((pending as Field).label), valueCell(pending, paper), labelCell(f.label), valueCell(f, paper)]);
      pending = null;
    } else pending = f;
  }
  flush();
  return { table: { widths: [LABEL_WIDTH, '*', LABEL_WIDTH, '*'], body, dontBreakRows: true }, layout: formTable(paper), margin: [0, paper.gap * 0.75, 0, 0] };
}

function dashed(paper: Paper, margin: [number, number, number, number] = [0, 4, 0, 4]): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(paper), y2: 0, lineWidth: 0.6, dash: { length: 2, space: 1.5 } }], margin };
}

/** 80 mm: "label：value" lines; a list goes under its label. */
function fieldsStrip(fields: Field[], paper: Paper): Content {
  const body: TableCell[][] = fields.map((f) => {
    if (Array.isArray(f.value) && f.value.length > 1) {
      return [{ stack: [{ text: `${f.label}：`, bold: true }, { ol: f.value.map((x) => ({ text: x })), margin: [4, 1, 0, 0] }], colSpan: 2 } as TableCell, {}];
    }
    return [{ text: `${f.label}：`, bold: true, noWrap: true }, valueCell(f, paper)];
  });
  return { table: { widths: ['auto', '*'], body }, layout: stripTable };
}

function notes(b: Extract<Block, { kind: 'notes' }>, paper: Paper): Content {
  return {
    stack: [{ text: b.title, bold: true, margin: [0, 0, 0, 2] }, { ol: b.items.map((x) => ({ text: keepTail(x) })), lineHeight: 1.15 }],
    fontSize: paper.small,
  };
}

function stamp(s: { org: string; date: string }): Content {
  return { stack: [{ text: keepTail(s.org) }, { text: '（盖章）' }, { text: s.date, margin: [0, 4, 0, 0] }], alignment: 'center' };
}

/** A4: the signers' boxes close the bordered table, room to sign inside them. */
function signatureRow(b: Extract<Block, { kind: 'signatures' }>, paper: Paper): Content {
  const labels = b.signers.map((s) => `${s.who}${s.act}`);
  const cells: TableCell[] = labels.flatMap((l): TableCell[] => [labelCell(l), { text: '' }]);
  // a longer label (认领方一签字) widens its box rather than wrapping in it
  const widths = labels.flatMap((l) => [Math.max(LABEL_WIDTH, l.length * paper.font + 2 * paper.pad + 6), '*' as const]);
  return { table: { widths, heights: [30], body: [cells], dontBreakRows: true }, layout: formTable(paper), margin: [0, -BORDER, 0, 0] } as Content;
}

function block(b: Block, paper: Paper): Content {
  const a4 = paper.layout === 'a4';
  switch (b.kind) {
    case 'fields':
      return a4 ? fieldsA4(b.fields, paper) : fieldsStrip(b.fields, paper);
    case 'paragraph':
      return { text: keepTail(b.indent ? `\u3000\u3000${b.text}` : b.text), margin: [0, paper.gap, 0, 0], lineHeight: paper.lineGap };
    case 'table': {
      const head = b.headers.map((h) => labelCell(h));
      const rows = b.rows.map((r) => r.map((c, i): TableCell => ({ text: c, alignment: b.align?.[i] ?? (i === 0 ? 'center' : 'left'), verticalAlignment: 'middle' })));
      const table: Content = { table: { headerRows: 1, widths: b.widths, body: [head, ...rows], dontBreakRows: true }, layout: formTable(paper) };
      return b.caption ? { stack: [{ text: b.caption, bold: true, margin: [0, paper.gap, 0, 3] }, table] } : { stack: [table], margin: [0, paper.gap, 0, 0] };
    }
    case 'progress': {
      const qr = qrCanvas(b.payload, paper.qr);
      const lines: Content[] = b.lines.map((l, i) => ({ text: keepTail(l), bold: i === 0, margin: [0, i === 0 ? 0 : 2, 0, 0] }));
      if (a4) {
        return {
          table: {
            widths: [LABEL_WIDTH, '*'],
            body: [[labelCell('进度查询'), { columns: [{ width: paper.qr, stack: [qr] }, { width: '*', stack: lines, margin: [10, 0, 0, 0], verticalAlignment: 'middle' }], columnGap: 6, verticalAlignment: 'middle' }]],
            dontBreakRows: true,
          },
          layout: formTable(paper),
          margin: [0, -BORDER, 0, 0],
        } as Content;
      }
      return { stack: [dashed(paper), { stack: [qr], alignment: 'center', margin: [0, 2, 0, 2] }, ...lines.map((l) => ({ stack: [l], alignment: 'center' as const }))] };
    }
    case 'notes':
      return { stack: [notes(b, paper)], margin: [0, paper.gap, 0, 0] };
    case 'signatures': {
      const blank = a4 ? '\u3000'.repeat(9) : '\u3000'.repeat(7);
      const sig = (s: Signer): Content => ({ text: [`${s.who}（${s.act}）：`, { text: blank, decoration: 'underline' }] });
      const stamped: Content[] = b.stamp ? [{ stack: [stamp(b.stamp)], margin: [0, 10, 0, 0] }] : [];
      return { stack: [dashed(paper), ...b.signers.map((s) => ({ stack: [sig(s)], margin: [0, 10, 0, 0] as [number, number, number, number] })), ...stamped] };
    }
  }
}

/**
 * A4's closing part: the signature boxes join the table above (a row per signatures block,
 * for forms with more signers than fit one row), then the notes beside the stamp and date —
 * the layout of a counter form, and a third less paper than stacking them.
 */
function closingA4(rows: readonly Extract<Block, { kind: 'signatures' }>[], note: Extract<Block, { kind: 'notes' }> | undefined, paper: Paper): Content[] {
  const out: Content[] = [];
  for (const sigs of rows) if (sigs.signers.length > 0) out.push(signatureRow(sigs, paper));
  const stamped = rows.find((r) => r.stamp)?.stamp;
  const left: Content = note ? notes(note, paper) : { text: '' };
  const right: Content = stamped ? stamp(stamped) : { text: '' };
  if (note || stamped) out.push({ columns: [{ width: '*', stack: [left] }, { width: 170, stack: [right], margin: [16, 4, 0, 0] }], margin: [0, paper.gap, 0, 0] });
  return out;
}

/** 补打（第 N 次） in a heavy box under the title, in the flow so no station name can run into it. */
function reprintMark(r: Reprint, paper: Paper): Content {
  const text = `补打（第 ${r.n} 次）`;
  const when = `补打时间：${dateTimeCn(r.at)}`;
  const box = (width: '*' | 'auto', body: Content): Content => ({
    table: { widths: [width], body: [[body]] },
    layout: formTable(paper, { hLineWidth: () => 1.5, vLineWidth: () => 1.5, paddingTop: () => 3, paddingBottom: () => 3, paddingLeft: () => 10, paddingRight: () => 10 }),
  });
  if (paper.layout === 'a4') {
    const mark = box('auto', { text: [{ text, bold: true, fontSize: paper.font + 2 }, { text: `\u3000${when}`, fontSize: paper.font }] });
    return { columns: [{ width: '*', text: '' }, { width: 'auto', stack: [mark] }, { width: '*', text: '' }], margin: [0, 0, 0, paper.gap] };
  }
  return { stack: [box('*', { stack: [{ text, bold: true, fontSize: paper.font + 2 }, { text: when, fontSize: paper.small }], alignment: 'center' })], margin: [0, 2, 0, 4] };
}

function stationLine(s: StationHeader): string {
  return `${s.name}\u3000地址：${s.address}\u3000咨询电话：${s.phone}`;
}

/** The pdfmake document for a form on a paper. onPages learns the page count once laid out. */
export function composeForm(model: FormModel, paper: Paper, reprint: Reprint | null, onPages: (n: number) => void): TDocumentDefinitions {
  const a4 = paper.layout === 'a4';
  const head: Content[] = [
    { text: keepTail(model.station.name), alignment: 'center', fontSize: paper.header, margin: [0, 0, 0, a4 ? 4 : 2] },
    { text: model.title, alignment: 'center', fontSize: paper.title, bold: true, characterSpacing: a4 ? 4 : 1, margin: [0, 0, 0, a4 ? paper.gap : 4] },
  ];
  const meta: Content = a4
    ? {
        columns: [
          { text: [{ text: `${model.number[0]}：`, bold: true }, model.number[1]], width: '*' },
          { text: [{ text: `${model.time[0]}：`, bold: true }, model.time[1]], width: 'auto', alignment: 'right' },
        ],
      }
    : { stack: [{ text: [{ text: `${model.number[0]}：`, bold: true }, model.number[1]] }, { text: [{ text: `${model.time[0]}：`, bold: true }, model.time[1]] }], margin: [0, 0, 0, 2] };

  const body: Content[] = [...head];
  if (reprint) body.push(reprintMark(reprint, paper));
  body.push(meta);
  if (a4) {
    const sigs = model.blocks.filter((b) => b.kind === 'signatures');
    const note = model.blocks.find((b) => b.kind === 'notes');
    for (const b of model.blocks) if (b.kind !== 'signatures' && b !== note) body.push(block(b, paper));
    body.push(...closingA4(sigs, note, paper));
  } else {
    body.push(dashed(paper));
    for (const b of model.blocks) body.push(block(b, paper));
    const closing = [model.station.name, `地址：${model.station.address}`, `咨询电话：${model.station.phone}`];
    body.push(dashed(paper, [0, 8, 0, 3]), { stack: closing.map((l) => ({ text: keepTail(l) })), fontSize: paper.small, alignment: 'center', lineHeight: 1.15 });
  }

  const footerText = stationLine(model.station);
  return {
    pageSize: { width: paper.width, height: paper.height },
    pageMargins: paper.margins,
    info: { title: model.docTitle, author: model.station.name, subject: model.title, creator: 'StationDesk', producer: 'StationDesk (pdfmake)', creationDate: new Date(model.madeAt) },
    defaultStyle: { fontSize: paper.font, lineHeight: paper.lineGap },
    content: body,
    footer: (current: number, count: number): Content | null => {
      onPages(count);
      if (!a4) return null;
      return {
        stack: [
          { canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(paper), y2: 0, lineWidth: 0.6 }] },
          // A gap and no wrapping for the page count: a long station line wraps in its own column instead of running into it.
          { columns: [{ text: keepTail(footerText), width: '*' }, { text: `第 ${current} 页 / 共 ${count} 页`, width: 'auto', noWrap: true }], columnGap: 16, margin: [0, 4, 0, 0] },
        ],
        fontSize: paper.small,
        margin: [paper.margins[0], 14, paper.margins[2], 0],
      };
    },
  };
}
