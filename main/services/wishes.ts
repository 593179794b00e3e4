/**
 * 微心愿 micro-wishes: record, publish, claim, fulfil and follow up (common/wish-status.ts
 * holds the machine). FIRST COMMIT: the contract is fixed, the implementation follows.
 */
import type { ServiceContext, ApiPart } from '../context';
import type { wishesCalls } from '../../common/contracts/wishes';
import { AppError } from '../../common/errors';

/** wishes.print is the printing side's (main/services/wishes-print.ts). */
export type WishCall = Exclude<keyof typeof wishesCalls, 'wishes.print'>;

const notYet = (): never => {
  throw new AppError('UNAVAILABLE', '微心愿功能尚未完成');
};

export function createWishes(_ctx: ServiceContext) {
  const api = {} as ApiPart<WishCall>;
  for (const name of [
    'wishes.create', 'wishes.get', 'wishes.list', 'wishes.publish', 'wishes.approve', 'wishes.reject', 'wishes.withdraw', 'wishes.claim', 'wishes.unclaim',
    'wishes.proofUpload', 'wishes.proofGet', 'wishes.fulfil', 'wishes.followUp', 'wishes.wall', 'wishes.stats', 'wishes.settings', 'wishes.setCap',
    'claimants.create', 'claimants.update', 'claimants.list', 'claimants.get', 'wishes.lobbyCreate', 'wishes.lobbyRevoke', 'wishes.lobbyList',
  ] as const satisfies readonly WishCall[]) {
    (api as Record<string, unknown>)[name] = async () => notYet();
  }
  return { api };
}

export type Wishes = ReturnType<typeof createWishes>;
