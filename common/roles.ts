/** Staff roles and what each may do. Checked in main; the renderer only hides what is not allowed. */
export const ROLES = ['clerk', 'head', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '窗口人员',
  head: '站长',
  admin: '管理员',
};

export const PERMISSIONS = {
  /** add staff, change roles, reset passwords, unlock accounts */
  'staff.manage': ['admin'],
  /** station code, name, county, address, phone */
  'station.edit': ['admin'],
  /** county URL, printer, idle time */
  'settings.edit': ['admin', 'head'],
  /** read the audit log and verify its chain */
  'audit.read': ['admin', 'head'],
  /** add, edit, retire and restore service catalogue items */
  'catalogue.edit': ['head', 'admin'],
  /** load a year's State Council holiday notice into the working-day calendar */
  'calendar.load': ['head', 'admin'],
  /** see a resident's full 身份证号 (each reveal is audited) */
  'residents.revealId': ['head', 'admin'],
  /** bulk-import residents from a spreadsheet, and preview such an import */
  'residents.import': ['head', 'admin'],
  /** export the 重点服务对象台账 (.xlsx); phones in full only with residents.revealId as well */
  'residents.export': ['head', 'admin'],
  /** grant or withdraw a GRANTABLE permission to one staff member (each change audited) */
  'staff.grant': ['head', 'admin'],
  /** enroll the station with the county, see rejected events and resolve sync conflicts */
  'sync.manage': ['head', 'admin'],
  /** see every past 日结 and reprint its report */
  'dayclose.history': ['head', 'admin'],
  /** see relief applicants' income, health and disability details, the head's relief list, and export relief data (audited) */
  'relief.view': ['head', 'admin'],
  /** grant 临时救助 先行救助 (emergency help before the paperwork) */
  'relief.emergency': ['head'],
  /** 微心愿: approve a wish above the value cap, reject a wish, change the cap */
  'wishes.approve': ['head', 'admin'],
  /** 微心愿: create and revoke the hall screen's read-only wall links */
  'wishes.lobby': ['head', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * What the station head may hand to one staff member beyond their role (migration 0016's
 * staff_grants; main/access.ts checks role OR grant). Another permission becomes grantable
 * by adding it here. Full 身份证号 (residents.revealId) stays with the roles on purpose.
 */
export const GRANTABLE = ['residents.export', 'residents.import', 'relief.view'] as const satisfies readonly Permission[];
export type GrantablePermission = (typeof GRANTABLE)[number];

export const GRANT_LABELS: Record<GrantablePermission, string> = {
  'residents.export': '导出重点服务对象台账',
  'residents.import': '批量导入居民',
  'relief.view': '社会救助经办（查看收入、健康、残疾等信息）',
};

export function isGrantable(p: string): p is GrantablePermission {
  return (GRANTABLE as readonly string[]).includes(p);
}

/** The role's permission, or one granted to this person (grants: what staff_grants holds for an active account). */
export function allows(who: { role: Role | null | undefined; grants?: readonly string[] } | null | undefined, permission: Permission): boolean {
  if (!who) return false;
  return can(who.role, permission) || (isGrantable(permission) && (who.grants ?? []).includes(permission));
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
