/**
 * wishes.print (common/contracts/wishes.ts): the same three papers as the wishDocs.* calls
 * (main/services/wish-docs.ts), under the one name the wishes contract gives them.
 */
import type { ServiceContext, ApiPart } from '../context';
import type { Wishes } from './wishes';
import type { Documents } from './documents';
import { AppError } from '../../common/errors';
import { createWishDocs, wishReaderOf } from './wish-docs';

export function createWishesPrint(ctx: ServiceContext, deps: { wishes: Wishes; documents: Documents }) {
  const docs = createWishDocs(ctx, { reader: wishReaderOf(deps.wishes), documents: deps.documents });
  const api: ApiPart<'wishes.print'> = {
    async 'wishes.print'({ kind, id, claimantId, paper, category }, me) {
      if (kind === 'wish.poster') return docs.poster(paper, category, me);
      if (!id) throw new AppError('VALIDATION', '缺少心愿编号', { id: '缺少心愿编号' });
      return kind === 'wish.claimVoucher' ? docs.claimVoucher(id, claimantId, me) : docs.handover(id, me);
    },
  };
  return { api, docs };
}
