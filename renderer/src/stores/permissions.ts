/**
 * What the signed-in staff member may do beyond their role: the grants the 站长 gave them
 * (staff.myPermissions), read once per sign-in. Screens only hide what is not allowed; main
 * checks the same role-or-grant rule on every call.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { allows, type Permission } from '../../../common/roles';
import { api } from '../api';
import { useApp } from './app';

interface PermissionsState {
  staffId: string | null;
  permissions: readonly string[];
  load(staffId: string): Promise<void>;
}

export const usePermissions = create<PermissionsState>()((set) => ({
  staffId: null,
  permissions: [],
  async load(staffId) {
    set({ staffId, permissions: [] });
    try {
      const permissions = await api['staff.myPermissions']({});
      set((s) => (s.staffId === staffId ? { permissions } : s));
    } catch {
      // the role's own permissions still show; a refused call says why where it happens
    }
  },
}));

/** Whether the signed-in staff member holds the permission, by role or by grant. */
export function useMay(permission: Permission): boolean {
  const staff = useApp((s) => s.session?.staff ?? null);
  const staffId = usePermissions((s) => s.staffId);
  const permissions = usePermissions((s) => s.permissions);
  const load = usePermissions((s) => s.load);
  const ready = staff !== null && !staff.mustChangePassword;
  useEffect(() => {
    if (ready && staff && staffId !== staff.id) void load(staff.id);
  }, [ready, staff, staffId, load]);
  return allows({ role: staff?.role, grants: staff && staffId === staff.id ? permissions : [] }, permission);
}
