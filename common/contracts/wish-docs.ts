/**
 * 微心愿 papers (DESIGN.md §6): the 认领凭证 for one claimant of a claim, the 圆梦交接单 of a
 * fulfilled wish, and the 心愿墙 poster (A4 or A3) of the open wishes. Each call issues
 * the document from the record as stored and answers its id for the preview; a PDF that
 * fails leaves the record alone and says why (documentError).
 */
import * as z from 'zod';
import { plainKey } from '../text';
import { call } from '../contract-kit';
import { WISH_CATEGORIES } from '../wish-status';

const Id = (what: string) => plainKey(what, { max: 64 });

export const IssuedWishDocument = z.object({ documentId: z.string().nullable(), documentError: z.string().nullable() });
export type IssuedWishDocument = z.infer<typeof IssuedWishDocument>;

export const wishDocsCalls = {
  /** 认领凭证 of the wish's current claim, for one of its claimants (absent: the first) */
  'wishDocs.claimVoucher': call(z.object({ id: Id('心愿编号'), claimantId: Id('认领方').optional() }), IssuedWishDocument, 'signedIn'),
  /** 圆梦交接单 of a fulfilled (or followed-up) wish, with signature lines */
  'wishDocs.handover': call(z.object({ id: Id('心愿编号') }), IssuedWishDocument, 'signedIn'),
  /** 心愿墙 poster: the wishes waiting for a claimant (one category, or all) */
  'wishDocs.poster': call(
    z.object({ paper: z.enum(['a4', 'a3'], { error: '请选择纸张' }).default('a4'), category: z.enum(WISH_CATEGORIES, { error: '心愿类别不正确' }).optional() }),
    IssuedWishDocument,
    'signedIn',
  ),
} as const;
