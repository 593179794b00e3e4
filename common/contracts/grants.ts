/**
 * Per-staff permission grants (issue 8, item 3): the 站长 or 管理员 hands one staff member a
 * permission from common/roles.ts's GRANTABLE list (the 台账 export, the resident import)
 * beyond their role, and withdraws it; main/access.ts allows a call by role OR grant.
 */
import * as z from 'zod';
import { call, none } from '../contract-kit';
import { plainKey } from '../text';
import { GRANTABLE, PERMISSIONS, ROLES, type Permission } from '../roles';

export const GrantablePermissionSchema = z.enum(GRANTABLE, { error: '该权限不能单独授予' });

/** One staff member as the grants table shows them: who, in what role, and what was granted. */
export const StaffGrants = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  grants: z.array(GrantablePermissionSchema),
});
export type StaffGrants = z.infer<typeof StaffGrants>;

const PermissionName = z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]);

export const grantsCalls = {
  /** every staff member with the permissions granted to them */
  'staff.grants': call(none, z.array(StaffGrants), 'staff.grant'),
  /** grants (granted: true) or withdraws one permission; audited; answers with the member's grants */
  'staff.setGrant': call(z.object({ staffId: plainKey('工作人员', { max: 64 }), permission: GrantablePermissionSchema, granted: z.boolean() }), StaffGrants, 'staff.grant'),
  /** what the signed-in staff member may do: their role's permissions and their grants, for the screens to show or hide controls */
  'staff.myPermissions': call(none, z.array(PermissionName), 'signedIn'),
} as const;
