/**
 * Printed documents (DESIGN.md §6): render a form from its data, archive the PDF with its
 * sha256 under the data folder, count and audit every copy, and print through the
 * operating system (printing.ts). A 补打 copy is re-rendered from the stored data with a
 * visible mark, archived and hashed in its own right.
 */
import { createKeyedQueue } from '../one-at-a-time';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR_MODE } from '../data-dir';
import { AppError } from '../../common/errors';
import type { DocumentMeta, PrintResult } from '../../common/contracts/documents';
import type { documentsCalls } from '../../common/contracts/documents';
import type { ApiPart, ServiceContext } from '../context';
import { newId } from '../clock';
import { log } from '../log';
import { loadFonts, type FontSet } from '../pdf/fonts';
import { renderDocument, type RenderedPdf } from '../pdf/render';
import { PrintableDocumentSchema } from '../pdf/schema';
import { yearMonth } from '../pdf/format';
import { warmUpRendering } from '../pdf/warm-up';
import type { PaperLayout, PrintableDocument } from '../pdf/types';
import type { Reprint } from '../pdf/layout';
import { createPrinting, noPrinter, type Printing } from './printing';
import { createPendingDocuments } from './documents-pending';
import { sha256, writeDurably } from './documents-files';
import { printersApi } from './printers-api';
import { documentMetaOf, type DocumentMetaRow } from './documents-row';

export { sha256 } from './documents-files';

export type IssuedDocument = DocumentMeta;

/** What a document is about: the record it belongs to and the number printed on it. */
export interface DocumentRef {
  entity: string;
  entityId: string;
  number: string;
}

/** A 补打 copy made by reprint(). */
export interface ReprintCopy {
  copyNo: number;
  reprintNo: number;
  layout: PaperLayout;
  /** absolute path of the archived PDF of this copy */
  file: string;
  sha256: string;
  bytes: number;
  pages: number;
  pdf: Buffer;
  printCount: number;
}

interface CopyRecord {
  copyNo: number;
  /** 补打 N; null for the original */
  reprintNo: number | null;
  layout: PaperLayout;
  /** relative to the data folder */
  rel: string;
  sha256: string;
  bytes: number;
  pages: number;
}

interface DocumentRow extends DocumentMetaRow {
  data: string;
  file: string;
}

export interface IssueOptions {
  layout?: PaperLayout;
  reprint?: Reprint | null;
}

/** Forms printed on A4 only: a reprint of one never goes to the receipt roll. */
const A4_ONLY_KINDS: ReadonlySet<string> = new Set(['dayclose.report', 'relief.authorization', 'relief.investigation', 'relief.publicity', 'wish.handover', 'wish.poster']);

/** Numbers become file names: letters, digits and dashes only. */
const NUMBER_RE = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;


export function createDocuments(ctx: ServiceContext, deps: { printing?: Printing } = {}) {
  const { db, clock, write } = ctx;
  const printing = deps.printing ?? createPrinting(ctx);
  const fontsDir = path.join(ctx.resourcesDir, 'fonts');
  // Parsed on the first document, not at start-up: the fonts are ~50 MB.
  const fonts = (): FontSet => loadFonts(fontsDir);
  const pending = createPendingDocuments();

  const selectOne = db.prepare<[string], DocumentRow>(
    'SELECT d.*, s.name AS created_by_name FROM documents d LEFT JOIN staff s ON s.id = d.created_by WHERE d.id = ?',
  );
  const selectFor = db.prepare<[string, string], DocumentRow>(
    'SELECT d.*, s.name AS created_by_name FROM documents d LEFT JOIN staff s ON s.id = d.created_by WHERE d.entity = ? AND d.entity_id = ? ORDER BY d.created_at, d.rowid',
  );
  const countSame = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM documents WHERE kind = ? AND number = ?');
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, kind, title, entity, entity_id, number, layout, data, file, sha256, bytes, pages, created_at, created_by)
     VALUES (@id, @kind, @title, @entity, @entity_id, @number, @layout, @data, @file, @sha256, @bytes, @pages, @created_at, @created_by)`,
  );
  const reprintsOf = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM document_copies WHERE document_id = ? AND reprint_no IS NOT NULL');
  const insertCopy = db.prepare(
    `INSERT INTO document_copies (id, document_id, copy_no, reprint_no, layout, file, sha256, bytes, pages, printer, job_id, created_at, created_by)
     VALUES (@id, @document_id, @copy_no, @reprint_no, @layout, @file, @sha256, @bytes, @pages, @printer, @job_id, @created_at, @created_by)`,
  );
  const bumpCount = db.prepare('UPDATE documents SET print_count = print_count + 1, last_printed_at = ? WHERE id = ? AND print_count = ?');

  function toMeta(r: DocumentRow): DocumentMeta {
    const meta = documentMetaOf(r);
    if (!meta) throw new AppError('INTERNAL', '单据类型无法识别，请升级 StationDesk');
    return meta;
  }


  function row(id: string): DocumentRow {
    const r = selectOne.get(id);
    if (!r) throw new AppError('NOT_FOUND', '未找到该单据');
    return r;
  }

  const abs = (rel: string) => path.join(ctx.dataDir, ...rel.split('/'));

  /** The archived bytes, refused when they no longer match the sha256 recorded with them. */
  function readArchived(rel: string, expected: string, documentId: string): Buffer {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(abs(rel));
    } catch {
      log.error('archived document missing', { documentId });
      throw new AppError('NOT_FOUND', '存档的单据文件不存在（可能已被移动或删除），请联系管理员');
    }
    if (sha256(bytes) !== expected) {
      log.error('archived document does not match its sha256', { documentId });
      throw new AppError('CONFLICT', '存档的单据文件与登记的校验值不一致，可能已被改动或损坏，请联系管理员');
    }
    return bytes;
  }

  /** The stored data, checked again: it is read back from a file-backed database. */
  function storedDocument(r: DocumentRow): PrintableDocument {
    const parsed = PrintableDocumentSchema.safeParse(JSON.parse(r.data));
    if (!parsed.success) {
      log.error('stored document data unreadable', { documentId: r.id });
      throw new AppError('INTERNAL', '该单据的存档数据无法读取，不能补打，请联系管理员');
    }
    return parsed.data;
  }

  function warnMissing(rendered: RenderedPdf, documentId: string, kind: string): void {
    // The count only: which characters they were would say whose name it is.
    if (rendered.missingGlyphs > 0) log.warn('document has characters no shipped font can draw', { documentId, kind, count: rendered.missingGlyphs });
  }

  interface Prepared {
    doc: PrintableDocument;
    ref: DocumentRef;
    layout: PaperLayout;
    id: string;
    createdAt: string;
    /** the archive folder, already made: a folder that cannot be made fails the call itself */
    dir: string;
    /** a form re-made from fresh data as a 补打 (日结报表) carries the mark from the start */
    reprint: Reprint | null;
  }

  /** What can be decided and checked before the PDF exists. */
  function prepare(doc: PrintableDocument, ref: DocumentRef, opts: IssueOptions): Prepared {
    const parsed = PrintableDocumentSchema.safeParse(doc);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') ?? '';
      throw new AppError('VALIDATION', `单据内容不完整，无法生成（${where || '数据'}）`);
    }
    if (!NUMBER_RE.test(ref.number)) throw new AppError('VALIDATION', '单据编号只能由字母、数字和连字符组成');
    const id = newId(clock);
    const createdAt = clock.now().toISOString();
    const { year, month } = yearMonth(createdAt);
    const dir = `documents/${year}/${month}`;
    fs.mkdirSync(abs(dir), { recursive: true, mode: PRIVATE_DIR_MODE });
    return { doc: parsed.data, ref, layout: opts.layout ?? ctx.machine.get().receiptLayout, id, createdAt, dir, reprint: opts.reprint ?? null };
  }

  /** Renders, archives and records a prepared document (and its audit entry) in one transaction. */
  async function complete(p: Prepared, actorId: string): Promise<IssuedDocument> {
    const { doc, ref, layout, id, createdAt } = p;
    const rendered = await renderDocument(fonts(), doc, { layout, reprint: p.reprint });

    // From here to the commit nothing awaits, so no other issue() interleaves in this process.
    const same = countSame.get(doc.kind, ref.number)?.n ?? 0;
    const rel = `${p.dir}/${ref.number}-${doc.kind}${same > 0 ? `-${same + 1}` : ''}.pdf`;
    const digest = sha256(rendered.pdf);
    writeDurably(abs(rel), rendered.pdf);
    try {
      write((tx) => {
        insertDoc.run({
          id,
          kind: doc.kind,
          title: rendered.title,
          entity: ref.entity,
          entity_id: ref.entityId,
          number: ref.number,
          layout,
          data: JSON.stringify(doc),
          file: rel,
          sha256: digest,
          bytes: rendered.pdf.length,
          pages: rendered.pages,
          created_at: createdAt,
          created_by: actorId,
        });
        tx.note({
          actorId,
          action: 'document.issue',
          entity: 'document',
          entityId: id,
          detail: { kind: doc.kind, number: ref.number, of: { entity: ref.entity, entityId: ref.entityId }, layout, sha256: digest, pages: rendered.pages, missingGlyphs: rendered.missingGlyphs },
        });
      });
    } catch (err) {
      fs.rmSync(abs(rel), { force: true });
      throw err;
    }
    warnMissing(rendered, id, doc.kind);
    return toMeta(row(id));
  }

  /**
   * Renders and archives a document, recording it (and its audit entry) in one transaction.
   * Call after the record it belongs to is committed; the PDF is on disk before the row is.
   */
  async function issue(doc: PrintableDocument, ref: DocumentRef, actorId: string, opts: IssueOptions = {}): Promise<IssuedDocument> {
    return complete(prepare(doc, ref, opts), actorId);
  }

  /**
   * issue() without waiting for the PDF: the id now (bad data or an archive folder that cannot
   * be made still fail here), the PDF a moment later. documents.get, listFor and print wait
   * for it, so a preview can open at once and show the PDF when it is there.
   */
  function issueSoon(doc: PrintableDocument, ref: DocumentRef, actorId: string, opts: IssueOptions = {}): { id: string; done: Promise<IssuedDocument> } {
    const p = prepare(doc, ref, opts);
    // Laying a form out is synchronous work: it starts after this call's answer has gone out.
    const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => complete(p, actorId));
    pending.add(p.id, ref, done, p.doc.kind);
    return { id: p.id, done };
  }

  function get(id: string): { meta: IssuedDocument; pdf: Buffer } {
    const r = row(id);
    return { meta: toMeta(r), pdf: readArchived(r.file, r.sha256, r.id) };
  }

  function listFor(entity: string, entityId: string): IssuedDocument[] {
    return selectFor.all(entity, entityId).map(toMeta);
  }

  /** A 补打 copy rendered and archived, not yet recorded (printing may still refuse it). */
  async function renderReprint(r: DocumentRow): Promise<CopyRecord & { reprintNo: number; pdf: Buffer }> {
    const reprintNo = (reprintsOf.get(r.id)?.n ?? 0) + 1;
    // A sheet-sized report stays on A4 whatever paper the receipts use.
    const layout = A4_ONLY_KINDS.has(r.kind) ? 'a4' : ctx.machine.get().receiptLayout;
    const rendered = await renderDocument(fonts(), storedDocument(r), { layout, reprint: { n: reprintNo, at: clock.now().toISOString() } });
    const rel = r.file.replace(/\.pdf$/, `-reprint-${reprintNo}.pdf`);
    writeDurably(abs(rel), rendered.pdf);
    warnMissing(rendered, r.id, r.kind);
    return {
      copyNo: r.print_count + 1,
      reprintNo,
      layout,
      rel,
      sha256: sha256(rendered.pdf),
      bytes: rendered.pdf.length,
      pages: rendered.pages,
      pdf: rendered.pdf,
    };
  }

  /** Records a copy, bumps the count and audits, in one transaction. */
  function recordCopy(r: DocumentRow, copy: CopyRecord, actorId: string, job: { printer: string; jobId: string | null } | null): number {
    const at = clock.now().toISOString();
    write((tx) => {
      if (bumpCount.run(at, r.id, r.print_count).changes !== 1) throw new AppError('CONFLICT', '该单据刚刚被打印过，请刷新后重试');
      insertCopy.run({
        id: newId(clock),
        document_id: r.id,
        copy_no: copy.copyNo,
        reprint_no: copy.reprintNo,
        layout: copy.layout,
        file: copy.rel,
        sha256: copy.sha256,
        bytes: copy.bytes,
        pages: copy.pages,
        printer: job?.printer ?? null,
        job_id: job?.jobId ?? null,
        created_at: at,
        created_by: actorId,
      });
      tx.note({
        actorId,
        action: job ? 'document.print' : 'document.reprint',
        entity: 'document',
        entityId: r.id,
        detail: { kind: r.kind, number: r.number, copyNo: copy.copyNo, reprintNo: copy.reprintNo, sha256: copy.sha256, printer: job?.printer ?? null, jobId: job?.jobId ?? null },
      });
    });
    return r.print_count + 1;
  }

  // Copies of one document are made one at a time: two clerks (or two clicks) must not both print "the original".
  const oneAtATime = createKeyedQueue();

  /** A 补打 copy without printing it (e.g. to hand over as a file): archived, counted, audited. */
  function reprint(id: string, actorId: string): Promise<ReprintCopy> {
    return oneAtATime(id, async () => {
      const r = row(id);
      const copy = await renderReprint(r);
      try {
        const printCount = recordCopy(r, copy, actorId, null);
        const { rel, ...rest } = copy;
        return { ...rest, file: abs(rel), printCount };
      } catch (err) {
        fs.rmSync(abs(copy.rel), { force: true });
        throw err;
      }
    });
  }

  /**
   * Prints to the printer chosen in 本机设置: the original the first time, a 补打 copy after.
   * The copy is counted only once the print system has accepted the job.
   */
  function print(id: string, actorId: string): Promise<PrintResult> {
    return oneAtATime(id, async () => {
      const r = row(id);
      // Before rendering a copy that could not go anywhere.
      if (!ctx.machine.get().printer.trim()) throw noPrinter();
      let copy: CopyRecord;
      if (r.print_count === 0) {
        const bytes = readArchived(r.file, r.sha256, r.id);
        copy = { copyNo: 1, reprintNo: null, layout: r.layout, rel: r.file, sha256: r.sha256, bytes: bytes.length, pages: r.pages };
      } else {
        copy = await renderReprint(r);
      }
      const title = `${r.title} ${r.number}${copy.reprintNo ? ` 补打${copy.reprintNo}` : ''}`;
      let job;
      try {
        job = await printing.printFile(abs(copy.rel), title);
      } catch (err) {
        if (copy.reprintNo !== null) fs.rmSync(abs(copy.rel), { force: true });
        throw err;
      }
      const printCount = recordCopy(r, copy, actorId, job);
      return { printer: job.printer, jobId: job.jobId, reprint: copy.reprintNo !== null, reprintNo: copy.reprintNo, printCount };
    });
  }

  /**
   * Parses the fonts and renders a throw-away copy of each form now, e.g. shortly after
   * start-up, so the first receipt of a session is not the slow one. Never rejects.
   */
  async function warmUp(): Promise<void> {
    try {
      await warmUpRendering(fonts(), ctx.machine.get().receiptLayout);
    } catch (err) {
      log.warn('document warm-up failed', { error: err instanceof Error ? err.name : 'unknown' });
    }
  }

  const api: ApiPart<keyof typeof documentsCalls> = {
    ...printersApi(ctx, printing),
    async 'documents.get'({ id }) {
      await pending.settled(id);
      const { meta, pdf } = get(id);
      return { document: meta, pdfBase64: pdf.toString('base64') };
    },
    async 'documents.listFor'({ entity, entityId }) {
      await pending.settledFor(entity, entityId);
      return listFor(entity, entityId);
    },
    async 'documents.print'({ id }, me) {
      await pending.settled(id);
      return print(id, me.id);
    },
  };

  return { api, issue, issueSoon, settledFor: pending.settledFor, settledAll: pending.settledAll, get, listFor, reprint, print, warmUp };
}
export type Documents = ReturnType<typeof createDocuments>;
