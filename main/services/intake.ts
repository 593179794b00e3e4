import type { ServiceContext, ApiPart } from '../context';
import type { intakeCalls } from '../../common/contracts/intake';
import type { Residents } from './residents';
import type { Catalogue } from './catalogue';
import type { Documents } from './documents';

/** 代办 proxy-service intake (placeholder until its capability lands). */
export function createIntake(_ctx: ServiceContext, _deps: { residents: Residents; catalogue: Catalogue; documents: Documents }) {
  const api: ApiPart<keyof typeof intakeCalls> = {};
  return { api };
}
