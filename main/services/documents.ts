import type { ServiceContext, ApiPart } from '../context';
import type { documentsCalls } from '../../common/contracts/documents';

/** Printed documents: PDF generation, archive, print (placeholder until its capability lands). */
export function createDocuments(_ctx: ServiceContext) {
  const api: ApiPart<keyof typeof documentsCalls> = {};
  return { api };
}
export type Documents = ReturnType<typeof createDocuments>;
