/** Which area of the shell is open. */
import { create } from 'zustand';
import type { AreaKey } from '../shell/areas';

interface NavState {
  area: AreaKey;
  go(area: AreaKey): void;
}

export const useNav = create<NavState>()((set) => ({
  area: 'workbench',
  go: (area) => set({ area }),
}));
