/** Small pieces the residents screens share: who may see full numbers, files in and out, the grid list. */
import { create } from 'zustand';
import { useEffect, useRef, useState } from 'react';
import { can, type Role } from '../../../../common/roles';
import type { SearchHit } from '../../../../common/contracts/residents';
import { api } from '../../api';

/** Who sees the reveal control; main checks the same permission. Import and export go by role or grant: useMay (stores/permissions). */
export const canRevealId = (role: Role | null | undefined): boolean => can(role, 'residents.revealId');

/** Bytes to base64 in slices: String.fromCharCode(...all) would overflow the stack on a large file. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Hands a file main produced to the browser's download (also Electron's save dialog). */
export function downloadBase64(fileName: string, base64: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface GridState {
  grids: string[];
  load(): Promise<void>;
}

/** 网格 names in use: suggestions in the form, choices in the ledger filter. */
export const useGrids = create<GridState>()((set) => ({
  grids: [],
  async load() {
    try {
      set({ grids: await api['residents.grids']({}) });
    } catch {
      // suggestions only: the fields still take any text
    }
  },
}));

/**
 * Search as the clerk types: a short pause after the last key, and an answer that
 * arrives after a newer question is dropped, so the list never shows stale results.
 */
export function useResidentSearch(query: string, limit = 20, delayMs = 120) {
  const [state, setState] = useState<{ items: SearchHit[]; hint: string | null; error: unknown; loading: boolean; for: string }>({ items: [], hint: null, error: null, loading: false, for: '' });
  const seq = useRef(0);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const q = query.trim();
    const mine = ++seq.current;
    if (q === '') {
      setState({ items: [], hint: null, error: null, loading: false, for: '' });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      api['residents.search']({ q, limit }).then(
        (r) => mine === seq.current && setState({ items: r.items, hint: r.hint, error: null, loading: false, for: q }),
        (error: unknown) => mine === seq.current && setState({ items: [], hint: null, error, loading: false, for: q }),
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [query, limit, delayMs, reload]);
  return { ...state, refresh: () => setReload((n) => n + 1) };
}
