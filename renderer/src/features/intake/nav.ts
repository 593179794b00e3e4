/**
 * Where the 代办 area stands: which tab, which work-list view. Kept outside the page so
 * the 工作台 counts can open the work list at a view, and so a clerk who looks at
 * another area and comes back finds the area as they left it.
 */
import { create } from 'zustand';

export const INTAKE_TABS = ['new', 'list', 'catalogue'] as const;
export type IntakeTab = (typeof INTAKE_TABS)[number];

export const INTAKE_LIST_VIEWS = ['today', 'mine', 'overdue', 'dueSoon', 'open', 'all'] as const;
export type IntakeListView = (typeof INTAKE_LIST_VIEWS)[number];

interface IntakeNavState {
  tab: IntakeTab;
  view: IntakeListView;
  setTab(tab: IntakeTab): void;
  setView(view: IntakeListView): void;
  /** the work list at a view (the 工作台 counts link here) */
  openList(view: IntakeListView): void;
}

export const useIntakeNav = create<IntakeNavState>()((set) => ({
  tab: 'new',
  view: 'open',
  setTab: (tab) => set({ tab }),
  setView: (view) => set({ view }),
  openList: (view) => set({ tab: 'list', view }),
}));
