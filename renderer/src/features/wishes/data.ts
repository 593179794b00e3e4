/** The 微心愿 area's one way to main: every call it makes, in one place. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallOutput } from '../../../../common/contract';
import type { WishCategory } from '../../../../common/wish-status';
import { api } from '../../api';
import { errorText } from '../../components/feedback';

export type WishRecord = CallOutput<'wishes.get'>['record'];
export type WishDetail = CallOutput<'wishes.get'>;
export type WishEvent = WishDetail['events'][number];
export type Wall = CallOutput<'wishes.wall'>;
export type WallCard = Wall['cards'][number];
export type Claimant = CallOutput<'claimants.list'>[number];
export type ClaimantDetail = CallOutput<'claimants.get'>;
export type WishStats = CallOutput<'wishes.stats'>;
export type ListFilter = CallInput<'wishes.list'>;
export type WallFilter = CallInput<'wishes.wall'>;
export type LobbyLink = CallOutput<'wishes.lobbyList'>[number];

/** A call's answer, its error in Chinese, and a way to ask again; `load` changes when its inputs do. */
export function useLoad<T>(load: (() => Promise<T>) | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    if (!load) return;
    const n = ++latest.current;
    setLoading(true);
    try {
      const v = await load();
      if (n === latest.current) {
        setData(v);
        setError(null);
      }
    } catch (err) {
      if (n === latest.current) setError(errorText(err));
    } finally {
      if (n === latest.current) setLoading(false);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}

export const wishes = {
  create: (input: CallInput<'wishes.create'>) => api['wishes.create'](input),
  get: (id: string) => api['wishes.get']({ id }),
  list: (filter: ListFilter) => api['wishes.list'](filter),
  publish: (id: string, version: number) => api['wishes.publish']({ id, version }),
  approve: (id: string, version: number, note?: string) => api['wishes.approve']({ id, version, ...(note ? { note } : {}) }),
  reject: (id: string, version: number, reason: string) => api['wishes.reject']({ id, version, reason }),
  withdraw: (id: string, version: number, reason: string) => api['wishes.withdraw']({ id, version, reason }),
  claim: (input: CallInput<'wishes.claim'>) => api['wishes.claim'](input),
  unclaim: (id: string, version: number, reason: string) => api['wishes.unclaim']({ id, version, reason }),
  uploadProof: (input: CallInput<'wishes.proofUpload'>) => api['wishes.proofUpload'](input),
  proof: (proofId: string) => api['wishes.proofGet']({ proofId }),
  fulfil: (input: CallInput<'wishes.fulfil'>) => api['wishes.fulfil'](input),
  followUp: (input: CallInput<'wishes.followUp'>) => api['wishes.followUp'](input),
  wall: (filter: WallFilter) => api['wishes.wall'](filter),
  stats: (input: CallInput<'wishes.stats'>) => api['wishes.stats'](input),
  settings: () => api['wishes.settings']({}),
  setCap: (valueCap: string) => api['wishes.setCap']({ valueCap }),
  lobbyList: () => api['wishes.lobbyList']({}),
  lobbyCreate: (label: string) => api['wishes.lobbyCreate']({ label }),
  lobbyRevoke: (id: string) => api['wishes.lobbyRevoke']({ id }),
};

export const claimants = {
  list: (input: CallInput<'claimants.list'>) => api['claimants.list'](input),
  get: (id: string) => api['claimants.get']({ id }),
  create: (input: CallInput<'claimants.create'>) => api['claimants.create'](input),
  update: (input: CallInput<'claimants.update'>) => api['claimants.update'](input),
};

export const papers = {
  claimVoucher: (id: string, claimantId?: string) => api['wishDocs.claimVoucher']({ id, ...(claimantId ? { claimantId } : {}) }),
  handover: (id: string) => api['wishDocs.handover']({ id }),
  poster: (paper: 'a4' | 'a3', category?: WishCategory) => api['wishDocs.poster']({ paper, ...(category ? { category } : {}) }),
};

/** A file from disk as base64 (browser mode and Electron alike: the renderer reads it, main checks it). */
export function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('无法读取所选文件'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
