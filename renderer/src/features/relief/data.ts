/**
 * 社会救助's one data module: every call the relief screens make goes through here
 * (DESIGN.md §9: components never call the api directly), plus where the area is.
 */
import { create } from 'zustand';
import type { CallInput, CallOutput } from '../../../../common/contract';
import type { ReliefForm } from '../../../../common/contracts/relief-docs';
import { api } from '../../api';

export type ReliefCase = CallOutput<'relief.get'>['case'];
export type ReliefEvent = CallOutput<'relief.get'>['events'][number];
export type ReliefSummary = CallOutput<'relief.list'>[number];
export type Preview = CallOutput<'relief.preview'>;
export type CreateInput = CallInput<'relief.create'>;
export type HouseholdInput = CallInput<'relief.preview'>;
export type UpdateHouseholdInput = CallInput<'relief.updateHousehold'>;
export type ReliefSettings = CallOutput<'relief.settings'>;
export type UpdateSettingsInput = CallInput<'relief.updateSettings'>;
export type StepInput = CallInput<'relief.step'>['input'];
export type ListView = NonNullable<CallInput<'relief.list'>['view']>;
export type HeadList = CallOutput<'relief.headList'>;

export const reliefData = {
  preview: (h: HouseholdInput) => api['relief.preview'](h),
  create: (input: CreateInput) => api['relief.create'](input),
  updateHousehold: (input: UpdateHouseholdInput) => api['relief.updateHousehold'](input),
  settings: () => api['relief.settings']({}),
  updateSettings: (input: UpdateSettingsInput) => api['relief.updateSettings'](input),
  get: (id: string) => api['relief.get']({ id }),
  list: (view: ListView) => api['relief.list']({ view }),
  counts: () => api['relief.counts']({}),
  headList: () => api['relief.headList']({}),
  step: (c: { id: string; version: number }, input: StepInput) => api['relief.step']({ id: c.id, version: c.version, input }),
  materials: (c: { id: string; version: number }, materialsReceived: string[]) => api['relief.materials']({ id: c.id, version: c.version, materialsReceived }),
  emergency: (requestId: string, c: { id: string; version: number }, amount: number, reason: string) => api['relief.emergency']({ requestId, id: c.id, version: c.version, amount, reason }),
  completeTask: (c: { id: string; version: number }, taskId: string) => api['relief.completeTask']({ id: c.id, version: c.version, taskId }),
  issue: (id: string, form: ReliefForm) => api['reliefDocs.issue']({ id, form }),
};

export type ReliefTab = 'new' | 'list' | 'head' | 'case';

interface ReliefNav {
  tab: ReliefTab;
  caseId: string | null;
  listView: ListView;
  setTab: (tab: ReliefTab) => void;
  openCase: (id: string) => void;
  openList: (view: ListView) => void;
}

export const useReliefNav = create<ReliefNav>()((set) => ({
  tab: 'new',
  caseId: null,
  listView: 'open',
  setTab: (tab) => set({ tab }),
  openCase: (id) => set({ tab: 'case', caseId: id }),
  openList: (listView) => set({ tab: 'list', listView }),
}));
