/** The 日结 area's one way to main: every call it makes, in one place. */
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../../common/contract';
import { api } from '../../api';
import { errorText } from '../../components/feedback';

export type Today = CallOutput<'dayclose.today'>;
export type CloseResult = CallOutput<'dayclose.close'>;
export type CloseSummary = CallOutput<'dayclose.list'>[number];

/** A call's answer, its error in Chinese, and a way to ask again. */
function useLoad<T>(load: () => Promise<T>, enabled = true) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const reload = useCallback(async () => {
    if (!enabled) return;
    setLoading(true);
    try {
      setData(await load());
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, [load, enabled]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}

const loadToday = () => api['dayclose.today']({});
const loadHistory = () => api['dayclose.list']({});

export const useToday = () => useLoad(loadToday);
export const useHistory = (enabled: boolean) => useLoad(loadHistory, enabled);

/** One request id per confirmation: a repeated Enter answers with the same close. */
export function closeToday(requestId: string): Promise<CloseResult> {
  return api['dayclose.close']({ requestId });
}

export function reprintReport(closeId: string) {
  return api['dayclose.reprint']({ closeId });
}
