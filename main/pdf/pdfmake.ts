/**
 * pdfmake 0.3's server-side API, the part this project uses. Loaded as CommonJS (its
 * module.exports is the instance) and typed here rather than by @types/pdfmake, which
 * pulls the DOM library into the main process's type check.
 */
import { createRequire } from 'node:module';

export type Margins = number | [number, number] | [number, number, number, number];
export type Width = number | '*' | 'auto';

export interface Style {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  lineHeight?: number;
  characterSpacing?: number;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  color?: string;
  decoration?: 'underline' | 'lineThrough' | 'overline';
  noWrap?: boolean;
  fillColor?: string;
  markerColor?: string;
}

export interface NodeBase extends Style {
  margin?: Margins;
  colSpan?: number;
  rowSpan?: number;
  verticalAlignment?: 'top' | 'middle' | 'bottom';
  width?: Width;
  absolutePosition?: { x: number; y: number };
}

export type Inline = string | (Style & { text: string | Inline[] });

export interface ContentText extends NodeBase {
  text: string | Inline[];
}
export interface ContentStack extends NodeBase {
  stack: Content[];
}
export interface ContentColumns extends NodeBase {
  columns: Content[];
  columnGap?: number;
}
export interface ContentOrderedList extends NodeBase {
  ol: Content[];
}
export interface TableLayout {
  hLineWidth?: (i: number) => number;
  vLineWidth?: (i: number) => number;
  hLineColor?: (i: number) => string;
  vLineColor?: (i: number) => string;
  paddingLeft?: (i: number) => number;
  paddingRight?: (i: number) => number;
  paddingTop?: (i: number) => number;
  paddingBottom?: (i: number) => number;
}
export interface ContentTable extends NodeBase {
  table: { body: TableCell[][]; widths?: Width[]; heights?: number[] | number; headerRows?: number; dontBreakRows?: boolean };
  layout?: TableLayout | 'noBorders' | 'lightHorizontalLines';
}
export interface CanvasRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  color?: string;
  lineWidth?: number;
}
export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
  dash?: { length: number; space?: number };
}
export interface ContentCanvas extends NodeBase {
  canvas: (CanvasRect | CanvasLine)[];
  height?: number;
}
export type Content = string | Content[] | ContentText | ContentStack | ContentColumns | ContentOrderedList | ContentTable | ContentCanvas;
/** `{}` fills the places a colSpan covers */
export type TableCell = Content | Record<string, never>;

export type DynamicContent = (currentPage: number, pageCount: number) => Content | null | undefined;

export interface FontDictionary {
  [family: string]: { normal?: string; bold?: string; italics?: string; bolditalics?: string };
}

export interface TDocumentDefinitions {
  pageSize?: { width: number; height: number | 'auto' } | 'A4';
  pageMargins?: Margins;
  info?: { title?: string; author?: string; subject?: string; creator?: string; producer?: string; creationDate?: Date };
  defaultStyle?: Style;
  content: Content;
  header?: DynamicContent;
  footer?: DynamicContent;
}

export interface CreatedPdf {
  getBuffer(): Promise<Buffer>;
}

export interface PdfMake {
  createPdf(definition: TDocumentDefinitions): CreatedPdf;
  setFonts(fonts: FontDictionary): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  /** where named fonts and images are looked up before the file system */
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
}

let instance: PdfMake | null = null;

/**
 * pdfmake (with pdfkit and fontkit) takes a few hundred ms to load, so it is loaded at the
 * first document rather than at start-up. It may never fetch a URL or read a file we did
 * not hand it: fonts come through its virtual file system.
 */
export function loadPdfmake(): PdfMake {
  if (!instance) {
    instance = createRequire(import.meta.url)('pdfmake') as PdfMake;
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy(() => false);
  }
  return instance;
}
