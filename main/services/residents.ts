import type { ServiceContext, ApiPart } from '../context';
import type { residentsCalls } from '../../common/contracts/residents';

/** 居民 residents registry (placeholder until its capability lands). */
export function createResidents(_ctx: ServiceContext) {
  const api: ApiPart<keyof typeof residentsCalls> = {};
  return { api };
}
export type Residents = ReturnType<typeof createResidents>;
