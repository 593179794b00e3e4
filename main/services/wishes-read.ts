/**
 * Reading wishes: the filtered list, the public wall (staff screen, lobby, poster — nothing
 * private), and the statistics. Reads write nothing (the lobby screen polls the wall): a
 * wish past its deadline that the sweep has not yet recorded shows 已过期 through
 * effectiveStatus, and counts as expired in the month the sweep attributes it to, so the
 * figures are the same before and after the sweep.
 */
import type { ServiceContext } from '../context';
import type { ParsedInput } from '../../common/contract';
import type { Wall, WallCard, WishRecord, WishStats } from '../../common/contracts/wishes';
import { addDays, stationDate } from '../../common/time';
import { EXPIRABLE, effectiveStatus, formatYuan, WISH_CATEGORIES, type ClaimantCategory, type ClaimantKind, type WishCategory, type WishStatus } from '../../common/wish-status';
import { publicNameOf, SELECT_WISH, type WishRow, type WishStore } from './wishes-store';

const DAY = 86_400_000;

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;
}

const EXPIRABLE_SQL = EXPIRABLE.map((s) => `'${s}'`).join(', ');

/** `2026-12` → `2027-01` */
function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

function monthsBack(m: string, n: number): string {
  let [y, mo] = m.split('-').map(Number) as [number, number];
  mo -= n;
  while (mo < 1) {
    mo += 12;
    y -= 1;
  }
  return `${y}-${String(mo).padStart(2, '0')}`;
}

export type WallOptions = Partial<Pick<ParsedInput<'wishes.wall'>, 'category' | 'claimState' | 'fulfilledDays'>>;

export function createWishRead(ctx: ServiceContext, store: WishStore) {
  const { db, clock } = ctx;

  function list(input: ParsedInput<'wishes.list'>): WishRecord[] {
    const day = store.today();
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.status) {
      // the status as shown (effectiveStatus): one past its deadline is 已过期 before the sweep records it
      where.push(`(CASE WHEN w.status IN (${EXPIRABLE_SQL}) AND w.deadline < ? THEN 'expired' ELSE w.status END) = ?`);
      params.push(day, input.status);
    }
    if (input.category) {
      where.push('w.category = ?');
      params.push(input.category);
    }
    if (input.residentId) {
      where.push('w.resident_id = ?');
      params.push(input.residentId);
    }
    if (input.text) {
      where.push('(instr(w.title, ?) > 0 OR instr(w.wish_no, ?) > 0 OR instr(w.beneficiary_name, ?) > 0)');
      params.push(input.text, input.text, input.text);
    }
    if (input.month) {
      // the station's month (Asia/Shanghai), as UTC instants
      where.push('w.created_at >= ? AND w.created_at < ?');
      params.push(new Date(`${input.month}-01T00:00:00+08:00`).toISOString(), new Date(`${nextMonth(input.month)}-01T00:00:00+08:00`).toISOString());
    }
    params.push(input.limit);
    const cap = store.cap();
    const rows = db.prepare<unknown[], WishRow>(`${SELECT_WISH}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY w.created_at DESC, w.wish_no DESC LIMIT ?`).all(...params);
    return rows.map((r) => store.toRecord(r, day, cap));
  }

  function wall(filter: WallOptions = {}): Wall {
    const fulfilledDays = filter.fulfilledDays ?? 30;
    const now = clock.now();
    const day = stationDate(now);
    const since = stationDate(new Date(now.getTime() - fulfilledDays * DAY));
    const rows = db
      .prepare<[], WishRow & { claimant_names: string | null }>(
        `SELECT w.*, (SELECT json_group_array(json_array(c.kind, c.name)) FROM (SELECT c.kind, c.name FROM wish_claim_shares h JOIN claimants c ON c.id = h.claimant_id WHERE h.claim_id = w.claim_id ORDER BY h.ord) c) AS claimant_names
         FROM wishes w WHERE w.status IN ('published', 'claimed', 'fulfilled', 'followedUp') ORDER BY w.deadline, w.wish_no`,
      )
      .all();
    const cards: WallCard[] = [];
    for (const r of rows) {
      const status = effectiveStatus(r.status, r.deadline, day);
      if (status === 'expired') continue;
      const claimState: WallCard['claimState'] = status === 'published' ? 'open' : status === 'claimed' ? 'claimed' : 'fulfilled';
      if (claimState === 'fulfilled' && (fulfilledDays === 0 || !r.handover_date || r.handover_date < since)) continue;
      if (filter.category && r.category !== filter.category) continue;
      if (filter.claimState && claimState !== filter.claimState) continue;
      const names = r.claimant_names ? (JSON.parse(r.claimant_names) as [ClaimantKind, string][]) : [];
      cards.push({
        id: r.id,
        wishNo: r.wish_no,
        title: r.title,
        category: r.category,
        valueYuan: formatYuan(r.value_fen),
        deadline: r.deadline,
        beneficiaryMasked: r.beneficiary_masked,
        claimState,
        claimedBy: claimState === 'open' ? [] : names.map(([k, n]) => publicNameOf(k, n)),
        publishedAt: r.published_at ?? r.created_at,
        daysLeft: claimState === 'open' ? daysBetween(day, r.deadline) : null,
      });
    }
    const order = { open: 0, claimed: 1, fulfilled: 2 } as const;
    cards.sort((a, b) => order[a.claimState] - order[b.claimState]);
    return { generatedAt: now.toISOString(), stationName: ctx.station.get()?.name ?? '', cards };
  }

  function stats(input: ParsedInput<'wishes.stats'>): WishStats {
    const today = stationDate(clock.now());
    const thisMonth = today.slice(0, 7);
    const to = input.to ?? (input.from && input.from > thisMonth ? input.from : thisMonth);
    const from = input.from ?? monthsBack(to, 11);
    const months: string[] = [];
    for (let m = from; m <= to && months.length < 120; m = nextMonth(m)) months.push(m);
    const inRange = (iso: string | null): boolean => {
      if (!iso) return false;
      const m = stationDate(iso).slice(0, 7);
      return m >= from && m <= to;
    };
    const figures = new Map(months.map((m) => [m, { month: m, recorded: 0, published: 0, claimed: 0, fulfilled: 0, expired: 0 }]));
    const bump = (iso: string, key: 'recorded' | 'published' | 'claimed' | 'fulfilled' | 'expired') => {
      const f = figures.get(stationDate(iso).slice(0, 7));
      if (f) f[key] += 1;
    };

    const events = db.prepare<[], { wish_id: string; step: string; at: string }>("SELECT wish_id, step, at FROM wish_events WHERE step IN ('create', 'publish', 'approve', 'claim', 'unclaim', 'fulfil') ORDER BY at, rowid").all();
    for (const e of events) {
      if (e.step === 'create') bump(e.at, 'recorded');
      else if (e.step === 'publish' || e.step === 'approve') bump(e.at, 'published');
      else if (e.step === 'claim') bump(e.at, 'claimed');
      else if (e.step === 'fulfil') bump(e.at, 'fulfilled');
    }

    const wishes = db.prepare<[], { id: string; category: WishCategory; value_fen: number; status: WishStatus; deadline: string; created_at: string; published_at: string | null; fulfilled_at: string | null }>('SELECT id, category, value_fen, status, deadline, created_at, published_at, fulfilled_at FROM wishes').all();
    const byCat = new Map(WISH_CATEGORIES.map((c) => [c, { category: c, recorded: 0, fulfilled: 0, valueFen: 0 }]));
    const toFulfil: number[] = [];
    for (const w of wishes) {
      // An expiry counts in the month of the day after the deadline, the day it became due (the
      // timer sweeps then): recorded or not yet, and whenever the sweep ran, the same month.
      if (effectiveStatus(w.status, w.deadline, today) === 'expired') {
        const f = figures.get(addDays(w.deadline, 1).slice(0, 7));
        if (f) f.expired += 1;
      }
      if (inRange(w.created_at)) {
        const c = byCat.get(w.category)!;
        c.recorded += 1;
        c.valueFen += w.value_fen;
      }
      if (w.fulfilled_at && inRange(w.fulfilled_at)) {
        byCat.get(w.category)!.fulfilled += 1;
        if (w.published_at) toFulfil.push((Date.parse(w.fulfilled_at) - Date.parse(w.published_at)) / DAY);
      }
    }

    // a wish's first claim counts for the days to claim; a claim later cancelled still counts as claimed in its month
    const claims = db
      .prepare<[], { claim_id: string; wish_id: string; claimed_at: string; published_at: string | null; cancelled_at: string | null; current: number; wish_status: WishStatus }>(
        `SELECT k.id AS claim_id, k.wish_id, k.claimed_at, w.published_at, k.cancelled_at, (w.claim_id = k.id) AS current, w.status AS wish_status
         FROM wish_claims k JOIN wishes w ON w.id = k.wish_id ORDER BY k.claimed_at`,
      )
      .all();
    const firstClaim = new Set<string>();
    const toClaim: number[] = [];
    for (const k of claims) {
      if (firstClaim.has(k.wish_id)) continue;
      firstClaim.add(k.wish_id);
      if (inRange(k.claimed_at) && k.published_at) toClaim.push((Date.parse(k.claimed_at) - Date.parse(k.published_at)) / DAY);
    }

    const shares = db
      .prepare<[], { claimant_id: string; kind: ClaimantKind; category: ClaimantCategory; name: string; value_fen: number; claimed_at: string; done: number }>(
        `SELECT h.claimant_id, c.kind, c.category, c.name, h.value_fen, k.claimed_at, (w.claim_id = k.id AND w.status IN ('fulfilled', 'followedUp')) AS done
         FROM wish_claim_shares h JOIN wish_claims k ON k.id = h.claim_id JOIN claimants c ON c.id = h.claimant_id JOIN wishes w ON w.id = k.wish_id
         WHERE k.cancelled_at IS NULL`,
      )
      .all();
    const units = new Map<string, WishStats['byClaimantUnit'][number]>();
    const persons = { claimantId: null, name: '个人认领（合计）', category: '个人', claims: 0, fulfilled: 0, valueFen: 0 };
    for (const s of shares) {
      if (!inRange(s.claimed_at)) continue;
      const line = s.kind === 'unit' ? (units.get(s.claimant_id) ?? { claimantId: s.claimant_id, name: s.name, category: s.category, claims: 0, fulfilled: 0, valueFen: 0 }) : persons;
      line.claims += 1;
      line.fulfilled += s.done;
      line.valueFen += s.value_fen;
      if (s.kind === 'unit') units.set(s.claimant_id, line);
    }
    const byUnit = [...units.values()].sort((a, b) => b.claims - a.claims || b.valueFen - a.valueFen || a.name.localeCompare(b.name, 'zh-CN'));
    if (persons.claims > 0) byUnit.push(persons);

    const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);
    return {
      from,
      to,
      months: [...figures.values()],
      byCategory: [...byCat.values()],
      byClaimantUnit: byUnit,
      avgDaysToClaim: mean(toClaim),
      avgDaysToFulfil: mean(toFulfil),
    };
  }

  return { list, wall, stats };
}
