/**
 * The intake being filled in at the counter: who, which item, which materials are in
 * hand, the note, what accepting would promise, and what main answered. A store rather
 * than component state so a clerk who checks something in another area comes back to
 * the same half-filled intake; cleared when the signed-in person changes, so one
 * clerk's resident never shows on the next clerk's screen.
 */
import { create } from 'zustand';
import type { CatalogueItem } from '../../../../common/catalogue';
import type { CallOutput } from '../../../../common/contract';
import type { IntakeRecord } from '../../../../common/contracts/intake';
import type { ResidentSummary } from '../../../../common/contracts/residents';
import { api, ApiError } from '../../api';
import { errorText } from '../../components/feedback';
import { useApp } from '../../stores/app';
import { SPOT_RESULT_DEFAULT } from './strings';
import { newRequestId } from '../../request-id';

/** The resident as the picker gives them (found, or just registered): masked, never the full 身份证号. */
export type PickedResident = ResidentSummary;

export type Preview = CallOutput<'intake.preview'>;

/** Where an error belongs on the form. */
export type Place = 'resident' | 'item' | 'materials' | 'note' | 'form';
export type PlacedErrors = Partial<Record<Place, string>>;

export type Outcome =
  | { kind: 'accepted'; record: IntakeRecord; documentId: string | null; documentError: string | null }
  | { kind: 'notice'; noticeNo: string; missing: string[]; documentId: string | null; documentError: string | null };

interface DraftState {
  resident: PickedResident | null;
  item: CatalogueItem | null;
  /** names from item.materials, in the item's order */
  received: string[];
  note: string;
  /** the clerk checked the eligibility warnings and accepts anyway */
  override: boolean;
  /** 当场办结: the result to record, and whether it was handed over there and then */
  spotResult: string;
  spotHandedOver: boolean;
  preview: Preview | null;
  previewError: string | null;
  busy: 'notice' | 'accept' | null;
  errors: PlacedErrors;
  outcome: Outcome | null;
  /** the document the preview dialog shows, if open */
  showing: string | null;

  pickResident(r: PickedResident): void;
  clearResident(): void;
  pickItem(item: CatalogueItem): void;
  clearItem(): void;
  /** asks main again what accepting now would promise (the day may have turned since the item was picked) */
  refreshPreview(): void;
  toggle(material: string): void;
  setAll(on: boolean): void;
  setNote(note: string): void;
  setOverride(on: boolean): void;
  setSpot(v: { result?: string; handedOver?: boolean }): void;
  /** the next notice's or acceptance's request id: a repeated submit of it creates nothing new */
  requestId: string;
  notice(): Promise<void>;
  /** onTheSpot: accept and complete in one step (当场办结 items only) */
  accept(opts?: { onTheSpot?: boolean }): Promise<void>;
  /** after a notice: back to the same form to tick what was brought and accept */
  resume(): void;
  show(documentId: string | null): void;
  reset(): void;
}

const EMPTY = {
  resident: null,
  item: null,
  received: [],
  note: '',
  override: false,
  spotResult: '',
  spotHandedOver: true,
  preview: null,
  previewError: null,
  busy: null,
  errors: {},
  outcome: null,
  showing: null,
} satisfies Partial<DraftState>;

const FIELD_PLACES: [prefix: string, place: Place][] = [
  ['residentId', 'resident'],
  ['itemCode', 'item'],
  ['materialsReceived', 'materials'],
  ['note', 'note'],
];

/** Puts main's answer where the clerk will look: at the field it names, else by what it is about, else at the buttons. */
export function placeError(err: unknown): PlacedErrors {
  if (!(err instanceof ApiError)) return { form: errorText(err) };
  const placed: PlacedErrors = {};
  for (const [key, msg] of Object.entries(err.fields ?? {})) {
    const hit = FIELD_PLACES.find(([prefix]) => key === prefix || key.startsWith(`${prefix}.`));
    if (hit && !placed[hit[1]]) placed[hit[1]] = msg;
  }
  const placedCount = Object.keys(placed).length;
  if (placedCount === 0 && err.code === 'NOT_FOUND') {
    if (/事项|清单/.test(err.message)) return { item: err.message };
    if (/居民|群众/.test(err.message)) return { resident: err.message };
  }
  // the full sentence (e.g. "材料不齐，缺少：…") goes by the buttons, the short one by its field
  return { ...placed, form: err.message };
}

export const useDraft = create<DraftState>()((set, get) => {
  async function loadPreview(item: CatalogueItem) {
    try {
      const residentId = get().resident?.id;
      const preview = await api['intake.preview']({ itemCode: item.code, ...(residentId ? { residentId } : {}) });
      // the clerk may have moved on to another item while this was answering
      if (get().item?.code === item.code) set({ preview, previewError: null });
    } catch (err) {
      if (get().item?.code === item.code) set({ previewError: errorText(err) });
    }
  }

  function input() {
    const { resident, item, received, note } = get();
    if (!resident || !item) return null;
    const trimmed = note.trim();
    return { requestId: get().requestId, residentId: resident.id, itemCode: item.code, materialsReceived: received, ...(trimmed ? { note: trimmed } : {}) };
  }

  return {
    ...EMPTY,
    requestId: newRequestId(),

    pickResident(resident) {
      set({ resident, errors: {}, outcome: null, override: false });
      // the item's conditions and an earlier notice depend on who it is
      const { item } = get();
      if (item) void loadPreview(item);
    },
    clearResident: () => set({ resident: null, errors: {} }),
    pickItem(item) {
      set({ item, received: [], preview: null, previewError: null, errors: {}, outcome: null, override: false, spotResult: '', spotHandedOver: true });
      void loadPreview(item);
    },
    refreshPreview() {
      const { item, outcome } = get();
      if (item && !outcome) void loadPreview(item);
    },
    clearItem: () => set({ item: null, received: [], preview: null, previewError: null, errors: {} }),
    toggle(material) {
      const { item, received } = get();
      if (!item) return;
      const on = !received.includes(material);
      const next = item.materials.filter((m) => (m === material ? on : received.includes(m)));
      set((s) => ({ received: next, errors: { ...s.errors, materials: undefined, form: undefined } }));
    },
    setAll(on) {
      const { item } = get();
      if (!item) return;
      set((s) => ({ received: on ? [...item.materials] : [], errors: { ...s.errors, materials: undefined, form: undefined } }));
    },
    setNote: (note) => set((s) => ({ note, errors: { ...s.errors, note: undefined } })),
    setOverride: (override) => set((s) => ({ override, errors: { ...s.errors, form: undefined } })),
    setSpot: (v) => set((s) => ({ spotResult: v.result ?? s.spotResult, spotHandedOver: v.handedOver ?? s.spotHandedOver, errors: { ...s.errors, form: undefined } })),

    async notice() {
      const body = input();
      if (!body || get().busy) return;
      set({ busy: 'notice', errors: {} });
      try {
        const r = await api['intake.notice'](body);
        set({ outcome: { kind: 'notice', ...r }, showing: r.documentId, requestId: newRequestId() });
      } catch (err) {
        set({ errors: placeError(err) });
      } finally {
        set({ busy: null });
      }
    },

    async accept(opts = {}) {
      const body = input();
      if (!body || get().busy) return;
      const { override, spotResult, spotHandedOver, item } = get();
      const result = spotResult.trim() || (item ? SPOT_RESULT_DEFAULT(item.name) : '');
      set({ busy: 'accept', errors: {} });
      try {
        const r = await api['intake.accept']({ ...body, overrideWarnings: override, ...(opts.onTheSpot ? { onTheSpot: { result, handedOver: spotHandedOver } } : {}) });
        set({ outcome: { kind: 'accepted', ...r }, showing: r.documentId, requestId: newRequestId() });
      } catch (err) {
        set({ errors: placeError(err) });
      } finally {
        set({ busy: null });
      }
    },

    resume() {
      set({ outcome: null, showing: null });
      // the notice just issued is now the one accepting would follow
      const { item } = get();
      if (item) void loadPreview(item);
    },
    show: (showing) => set({ showing }),
    reset: () => set({ ...EMPTY, requestId: newRequestId() }),
  };
});

// A different person signed in (or nobody): forget the intake on screen.
let lastStaffId = useApp.getState().session?.staff.id ?? null;
useApp.subscribe((s) => {
  const id = s.session?.staff.id ?? null;
  if (id !== lastStaffId) {
    lastStaffId = id;
    useDraft.getState().reset();
  }
});
