/** The 操作日志 screen's one way to main: a filtered page, the filter's choices, the export. */
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry, AuditFilter, Staff } from '../../../../common/contract';
import { api } from '../../api';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

/** Loads the page of `filter` whenever either changes; `reload` re-reads it (e.g. after an export). */
export function useAuditPage(filter: AuditFilter, page: number) {
  const [data, setData] = useState<AuditPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(filter);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await api['audit.search']({ filter: JSON.parse(key) as AuditFilter, page, pageSize: AUDIT_PAGE_SIZE }));
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [key, page]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, error, loading, reload: load };
}

/** Who and what the filter can pick: every staff member (also former ones), and the actions in the log. */
export function useAuditChoices() {
  const [staff, setStaff] = useState<Staff[]>([]);
  const [actions, setActions] = useState<string[]>([]);
  useEffect(() => {
    // the lists only help choosing; the log itself shows whatever they fail to load
    void api['staff.list']({}).then(setStaff, () => undefined);
    void api['audit.actions']({}).then(setActions, () => undefined);
  }, []);
  return { staff, actions };
}

export const exportAudit = (filter: AuditFilter) => api['audit.export']({ filter });
export const verifyAudit = () => api['audit.verify']({});
