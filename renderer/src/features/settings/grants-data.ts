/** The grants tab's one way to main: who holds which grant, and a change of one. */
import { useCallback, useEffect, useState } from 'react';
import type { StaffGrants } from '../../../../common/contracts/grants';
import type { GrantablePermission } from '../../../../common/roles';
import { api } from '../../api';

export function useStaffGrants() {
  const [rows, setRows] = useState<StaffGrants[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setRows(await api['staff.grants']({}));
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return { rows, error, reload: load, replace: (row: StaffGrants) => setRows((rs) => rs?.map((r) => (r.id === row.id ? row : r)) ?? null) };
}

export const setGrant = (staffId: string, permission: GrantablePermission, granted: boolean) => api['staff.setGrant']({ staffId, permission, granted });
