/**
 * 微心愿 printed forms: 认领凭证, 圆梦交接单, the wall poster (wishes.print). Owned by the
 * printing side (branch wish-ui); this placeholder only answers until it lands.
 */
import type { ServiceContext, ApiPart } from '../context';
import type { Wishes } from './wishes';
import type { Documents } from './documents';
import { AppError } from '../../common/errors';

export function createWishesPrint(_ctx: ServiceContext, _deps: { wishes: Wishes; documents: Documents }) {
  const api: ApiPart<'wishes.print'> = {
    async 'wishes.print'() {
      throw new AppError('UNAVAILABLE', '微心愿单据打印尚未完成');
    },
  };
  return { api };
}
