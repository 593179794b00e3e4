/** A row of the documents table and the meta every caller sees of it: one mapping for all readers. */
import type { DocumentMeta } from '../../common/contracts/documents';
import { DOCUMENT_KINDS } from '../../common/contracts/documents';
import type { PaperLayout } from '../pdf/types';

/** The columns a list of documents needs (`d.*` minus data and file, plus the creator's name). */
export interface DocumentMetaRow {
  id: string;
  kind: string;
  title: string;
  entity: string;
  entity_id: string;
  number: string;
  layout: PaperLayout;
  sha256: string;
  bytes: number;
  pages: number;
  created_at: string;
  created_by: string;
  created_by_name: string | null;
  print_count: number;
  last_printed_at: string | null;
}

export function isKnownDocumentKind(k: string): k is DocumentMeta['kind'] {
  return (DOCUMENT_KINDS as readonly string[]).includes(k);
}

/** null for a kind this version cannot name (made by a newer station). */
export function documentMetaOf(r: DocumentMetaRow): DocumentMeta | null {
  if (!isKnownDocumentKind(r.kind)) return null;
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    entity: r.entity,
    entityId: r.entity_id,
    number: r.number,
    layout: r.layout,
    sha256: r.sha256,
    bytes: r.bytes,
    pages: r.pages,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    printCount: r.print_count,
    lastPrintedAt: r.last_printed_at,
  };
}
