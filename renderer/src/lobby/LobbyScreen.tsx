/**
 * The hall screen: the public wall, full screen, large type, read only. It holds its own
 * token (from its URL, ?t=…) and reads only GET /lobby/wall.json with it — never the clerk's
 * session or /api. It asks again every minute and turns pages of cards every 15 seconds;
 * when the station does not answer it keeps the last wall and says since when. Its clock is
 * the station's (the wall says when it was made). A browser enters full screen only on a
 * click or a key: the button (or F11) does it, and hides while full screen.
 */
import { useEffect, useState } from 'react';
import * as z from 'zod';
import { Wall, type WallCard } from '../../../common/contracts/wishes';
import { formatClock } from '../format';
import * as S from './strings';

const REFRESH_MS = 60_000;
const PAGE_MS = 15_000;
const PER_PAGE = 8;
const WallAnswer = z.object({ ok: z.literal(true), value: Wall });

type Load = { kind: 'loading' } | { kind: 'noToken' } | { kind: 'badToken' } | { kind: 'wall'; wall: Wall; stale: boolean };

export function lobbyToken(search: string): string | null {
  const t = new URLSearchParams(search).get('t');
  return t && /^[A-Za-z0-9_-]{16,200}$/.test(t) ? t : null;
}

async function fetchWall(token: string): Promise<Wall | 'badToken'> {
  const res = await fetch(`/lobby/wall.json?t=${encodeURIComponent(token)}`, { cache: 'no-store', credentials: 'omit' });
  if (res.status === 401 || res.status === 403) return 'badToken';
  if (!res.ok) throw new Error(String(res.status));
  // the host answers in the API's envelope: { ok: true, value: Wall }
  const parsed = WallAnswer.safeParse(await res.json());
  if (!parsed.success) throw new Error('bad wall');
  return parsed.data.value;
}

function Card({ c }: { c: WallCard }) {
  return (
    <div className={`lb-card lb-${c.claimState}`} data-testid="lobby-card">
      <div className="lb-card-head">
        <span className="lb-cat">{c.category}</span>
        <span className="lb-state">{S.STATE[c.claimState]}</span>
      </div>
      <div className="lb-title">{c.title}</div>
      <div className="lb-line">{S.FOR(c.beneficiaryMasked)}</div>
      <div className="lb-line">
        {`${S.VALUE(c.valueYuan)}\u3000${S.DEADLINE(c.deadline)}`}
        {c.daysLeft !== null && <span className="lb-days">（{S.DAYS_LEFT(c.daysLeft)}）</span>}
      </div>
      {c.claimedBy.length > 0 && <div className="lb-line lb-by">{S.BY(c.claimedBy)}</div>}
      <div className="lb-no">{c.wishNo}</div>
    </div>
  );
}

export function LobbyScreen() {
  const [token] = useState(() => lobbyToken(window.location.search));
  const [load, setLoad] = useState<Load>(token ? { kind: 'loading' } : { kind: 'noToken' });
  const [page, setPage] = useState(0);
  /** the station's clock minus this screen's, from the wall's generatedAt */
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [full, setFull] = useState(() => document.fullscreenElement != null);

  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    if (!token) return;
    let stopped = false;
    const once = async () => {
      try {
        const w = await fetchWall(token);
        if (stopped) return;
        if (w !== 'badToken') setOffset(Date.parse(w.generatedAt) - Date.now());
        setLoad(w === 'badToken' ? { kind: 'badToken' } : { kind: 'wall', wall: w, stale: false });
      } catch {
        if (!stopped) setLoad((l) => (l.kind === 'wall' ? { ...l, stale: true } : l));
      }
    };
    void once();
    const timer = window.setInterval(() => void once(), REFRESH_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [token]);

  useEffect(() => {
    const t = window.setInterval(() => {
      setNow(Date.now());
      setPage((p) => p + 1);
    }, PAGE_MS);
    return () => window.clearInterval(t);
  }, []);

  if (load.kind === 'noToken' || load.kind === 'badToken')
    return (
      <div className="lb-full lb-message" data-testid="lobby-refused">
        {load.kind === 'noToken' ? S.NO_TOKEN : S.BAD_TOKEN}
      </div>
    );
  if (load.kind === 'loading') return <div className="lb-full lb-message">{S.LOADING}</div>;

  const cards = load.wall.cards;
  const pages = Math.max(1, Math.ceil(cards.length / PER_PAGE));
  const at = page % pages;
  const shown = cards.slice(at * PER_PAGE, at * PER_PAGE + PER_PAGE);

  return (
    <div className="lb-full" data-testid="lobby-screen">
      <header className="lb-head">
        <div>
          <div className="lb-station">{load.wall.stationName}</div>
          <h1 className="lb-h1">{S.TITLE}</h1>
        </div>
        <div className="lb-clock" data-testid="lobby-clock">{formatClock(now + offset)}</div>
      </header>
      <div className="lb-slogan">{S.SLOGAN}</div>
      {cards.length === 0 ? <div className="lb-message lb-empty">{S.EMPTY}</div> : <main className="lb-grid">{shown.map((c) => <Card key={c.id} c={c} />)}</main>}
      <footer className="lb-foot">
        <span data-testid="lobby-updated">{load.stale ? S.STALE(formatClock(load.wall.generatedAt)) : S.UPDATED(formatClock(load.wall.generatedAt))}</span>
        {pages > 1 && <span>{S.PAGE(at + 1, pages)}</span>}
        {!full && document.fullscreenEnabled && (
          <button type="button" className="lb-fullscreen" onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)} data-testid="lobby-fullscreen">
            {S.FULLSCREEN}
          </button>
        )}
      </footer>
    </div>
  );
}
