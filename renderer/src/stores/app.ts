/**
 * What the whole window depends on: the app info (is setup needed, which station),
 * who is signed in, and the machine settings the status bar shows.
 */
import { create } from 'zustand';
import type { CallOutput, MachineSettings, Session, Station } from '../../../common/contract';
import { api, ApiError } from '../api';
import { SIGNED_OUT_IDLE, SIGNED_OUT_ELSEWHERE } from './strings';
import { setMainTime } from './clock';

export type AppInfo = CallOutput<'app.info'>;

/**
 * loading → (unavailable | setup | signIn ⇄ ready); a password someone else typed
 * (new account, reset) puts changePassword between signIn and ready.
 */
export type Phase = 'loading' | 'unavailable' | 'setup' | 'signIn' | 'changePassword' | 'ready';

interface AppState {
  phase: Phase;
  info: AppInfo | null;
  session: Session | null;
  settings: MachineSettings | null;
  /** shown above the sign-in form, e.g. after an idle sign-out */
  signInNotice: string | null;
  /** why the app could not start (main unreachable) */
  loadError: string | null;

  load(): Promise<void>;
  completeSetup(session: Session): Promise<void>;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** the forced change went through: main's fresh session lets the clerk in */
  passwordChanged(session: Session): Promise<void>;
  /** asks main who is signed in; a session that vanished without us signing out was an idle sign-out */
  checkSession(): Promise<void>;
  setStation(station: Station): void;
  setSettings(settings: MachineSettings): void;
  setSessionStaff(staff: Session['staff']): void;
}

function phaseFor(info: AppInfo | null, session: Session | null): Phase {
  if (!info) return 'loading';
  if (info.setupNeeded) return 'setup';
  if (!session) return 'signIn';
  return session.staff.mustChangePassword ? 'changePassword' : 'ready';
}

export const useApp = create<AppState>()((set, get) => {
  async function enter(session: Session) {
    set((s) => ({ session, signInNotice: null, phase: phaseFor(s.info, session) }));
    // main refuses everything else until the password is changed
    if (session.staff.mustChangePassword) return;
    try {
      const settings = await api['settings.get']({});
      set({ settings });
    } catch {
      // the status bar falls back to a neutral line; the settings screen shows the error itself
      set({ settings: null });
    }
  }

  function leave(notice: string | null) {
    set((s) => ({ session: null, settings: null, signInNotice: notice, phase: phaseFor(s.info, null) }));
  }

  return {
    phase: 'loading',
    info: null,
    session: null,
    settings: null,
    signInNotice: null,
    loadError: null,

    async load() {
      set({ phase: 'loading', loadError: null });
      try {
        const info = await api['app.info']({});
        setMainTime(info.now);
        const session = info.setupNeeded ? null : await api['auth.session']({});
        set({ info });
        if (session) await enter(session);
        else set({ session: null, phase: phaseFor(info, null) });
      } catch (err) {
        set({ phase: 'unavailable', loadError: err instanceof ApiError ? err.message : null });
      }
    },

    async completeSetup(session) {
      const info = await api['app.info']({});
      setMainTime(info.now);
      set({ info });
      await enter(session);
    },

    async signIn(login, password) {
      const session = await api['auth.signIn']({ login, password });
      await enter(session);
    },

    async signOut() {
      try {
        await api['auth.signOut']({});
      } finally {
        leave(null);
      }
    },

    async passwordChanged(session) {
      await enter(session);
    },

    async checkSession() {
      const had = get().session;
      if (!had) return;
      let now: Session | null;
      try {
        now = await api['auth.session']({});
      } catch {
        return; // main unreachable for a moment: keep the screen, the next poll tries again
      }
      if (!get().session) return; // signed out meanwhile by this window
      if (!now) {
        leave(SIGNED_OUT_IDLE);
      } else if (now.staff.id !== had.staff.id) {
        // another window of this station signed someone else in
        leave(SIGNED_OUT_ELSEWHERE);
      } else if (now.staff.mustChangePassword !== had.staff.mustChangePassword) {
        // e.g. an administrator reset this password meanwhile
        await enter(now);
      } else {
        set({ session: now });
      }
    },

    setStation(station) {
      set((s) => (s.info ? { info: { ...s.info, station } } : {}));
    },

    setSettings(settings) {
      set({ settings });
    },

    setSessionStaff(staff) {
      set((s) => (s.session && s.session.staff.id === staff.id ? { session: { ...s.session, staff } } : {}));
    },
  };
});
