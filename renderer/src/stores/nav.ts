/** Which area of the shell is open. Going to an area, even the one open, hands it the keyboard. */
import { create } from 'zustand';
import type { AreaKey } from '../shell/areas';
import { requestWorkFocus } from '../shell/work-focus';

interface NavState {
  area: AreaKey;
  go(area: AreaKey): void;
}

export const useNav = create<NavState>()((set) => ({
  area: 'workbench',
  go: (area) => {
    set({ area });
    requestWorkFocus(area);
  },
}));
