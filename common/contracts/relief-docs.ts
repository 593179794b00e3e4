/**
 * The 社会救助 papers (issue 10): each made from the case as main holds it
 * (main/services/relief-docs.ts), archived and counted like every document
 * (main/services/documents.ts), then shown with documents.get and printed with documents.print.
 */
import * as z from 'zod';
import { call } from '../contract-kit';
import { plainKey } from '../text';

/** investigationBlank: the 入户调查表 to take along; investigation: filled from the recorded one */
export const RELIEF_FORMS = ['acceptance', 'correction', 'authorization', 'investigationBlank', 'investigation', 'publicity', 'refusal'] as const;
export const ReliefForm = z.enum(RELIEF_FORMS, { error: '请选择要打印的单据' });
export type ReliefForm = z.infer<typeof ReliefForm>;

export const reliefDocsCalls = {
  /** makes the form now from the case's current data; answers with the archived document's id */
  'reliefDocs.issue': call(
    z.object({ id: plainKey('案件编号', { max: 64 }), form: ReliefForm }),
    z.object({ documentId: z.string(), number: z.string() }),
    'signedIn',
  ),
} as const;
