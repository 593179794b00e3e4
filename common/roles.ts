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
  /** bulk-import residents from a spreadsheet */
  'residents.import': ['head', 'admin'],
  /** enroll the station with the county, see rejected events and resolve sync conflicts */
  'sync.manage': ['head', 'admin'],
  /** see every past 日结 and reprint its report */
  'dayclose.history': ['head', 'admin'],
  /** 微心愿: approve a wish above the value cap, reject a wish, change the cap */
  'wishes.approve': ['head', 'admin'],
  /** 微心愿: create and revoke the hall screen's read-only wall links */
  'wishes.lobby': ['head', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
