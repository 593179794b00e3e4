/** Who a call or a service acts for (DESIGN.md §4). Shared by the contract's types and main. */
import type { Role } from './roles';

export type StaffActor = { kind: 'staff'; id: string; name: string; role: Role };
export type CountyActor = { kind: 'county'; id: null; name: string };
/** A signed-in staff member, or the county when sync applies a decision. */
export type Actor = StaffActor | CountyActor;
