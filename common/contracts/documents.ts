/**
 * Printed documents (DESIGN.md §6): the archived PDFs of receipts and notices, their
 * preview, and printing them through the operating system's print path from main.
 */
import * as z from 'zod';
import { call, none } from '../contract-kit';
import { freeText, plainKey } from '../text';

export const DOCUMENT_KINDS = [
  'intake.acceptance',
  'intake.correction',
  'intake.completion',
  'intake.transmittal',
  'dayclose.report',
  'relief.acceptance',
  'relief.correction',
  'relief.authorization',
  'relief.investigation',
  'relief.publicity',
  'relief.refusal',
  'wish.claim',
  'wish.handover',
  'wish.poster',
] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export const PaperLayout = z.enum(['a4', 'thermal80']);

const DocumentId = plainKey('单据编号', { max: 64 });

export const DocumentMeta = z.object({
  id: z.string(),
  kind: DocumentKind,
  /** the form's title as printed: 受理回执, 一次性告知书, 办结领取回执 … */
  title: z.string(),
  /** what the document is about, e.g. entity 'intake' and the intake record's id */
  entity: z.string(),
  entityId: z.string(),
  /** the receipt or notice number printed on it */
  number: z.string(),
  layout: PaperLayout,
  sha256: z.string(),
  bytes: z.number().int(),
  pages: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  /** copies made so far: the first print of the original, then each 补打 */
  printCount: z.number().int(),
  lastPrintedAt: z.string().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const PrintResult = z.object({
  printer: z.string(),
  /** the print system's job id ("StationPDF-12"); null where the system gives none (Windows) */
  jobId: z.string().nullable(),
  /** false for the first print of the original, true for a 补打 copy */
  reprint: z.boolean(),
  /** 补打 N for a reprint, null for the original */
  reprintNo: z.number().int().nullable(),
  printCount: z.number().int(),
});
export type PrintResult = z.infer<typeof PrintResult>;

export const PrinterList = z.object({
  printers: z.array(z.object({ name: z.string(), isDefault: z.boolean() })),
  /** the printer chosen in 本机设置 ('' when none) */
  selected: z.string(),
  /** why the list could not be read (Chinese), or null */
  problem: z.string().nullable(),
});
export type PrinterList = z.infer<typeof PrinterList>;

export const documentsCalls = {
  /** one archived document: its facts and the PDF itself (base64), checked against its sha256 */
  'documents.get': call(z.object({ id: DocumentId }), z.object({ document: DocumentMeta, pdfBase64: z.string() }), 'signedIn'),
  /** every document printed for one record, oldest first */
  'documents.listFor': call(
    z.object({
      entity: plainKey('记录类型', { max: 40 }),
      entityId: plainKey('记录编号', { max: 64 }),
    }),
    z.array(DocumentMeta),
    'signedIn',
  ),
  /** prints the original the first time, a copy marked 补打（第 N 次） after that, to the printer chosen in 本机设置 */
  'documents.print': call(z.object({ id: DocumentId }), PrintResult, 'signedIn'),
  /** the printers the operating system knows, for 本机设置 */
  'printers.list': call(none, PrinterList, 'signedIn'),
  /**
   * chooses this machine's printer at the moment of printing: anyone signed in may choose
   * one while none is chosen; changing a chosen one stays with 本机设置 (站长, 管理员)
   */
  'printers.choose': call(z.object({ printer: freeText('打印机名称', { min: 1, max: 120, missing: '请选择打印机' }) }), z.object({ selected: z.string() }), 'signedIn'),
} as const;
