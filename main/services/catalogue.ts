import type { ServiceContext, ApiPart } from '../context';
import type { catalogueCalls } from '../../common/contracts/catalogue';

/** 社区服务清单 service catalogue (placeholder until its capability lands). */
export function createCatalogue(_ctx: ServiceContext) {
  const api: ApiPart<keyof typeof catalogueCalls> = {};
  return { api };
}
export type Catalogue = ReturnType<typeof createCatalogue>;
