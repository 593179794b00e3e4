/**
 * The 微心愿 papers (common/contracts/wish-docs.ts): the 认领凭证 for one claimant of the
 * current claim, the 圆梦交接单 of a fulfilled wish and the 心愿墙 poster, each built from the
 * record as main holds it (read through the wishes service's own calls, so the same access
 * and expiry rules apply) and issued after the record's commit: a failed PDF never touches
 * the record, it comes back as documentError.
 *
 * Only the masked beneficiary name goes on paper; the 身份证号, phone and address are never
 * read here at all.
 */
import type { ApiPart, ServiceContext } from '../context';
import type { StaffActor } from '../../common/actor';
import type { wishDocsCalls, IssuedWishDocument } from '../../common/contracts/wish-docs';
import type { ClaimShare, WishRecord, Wall } from '../../common/contracts/wishes';
import type { WishCategory } from '../../common/wish-status';
import { AppError } from '../../common/errors';
import { stationDate } from '../../common/time';
import { log } from '../log';
import type { PrintableDocument, StationHeader, WishClaimantLine, WishLine } from '../pdf/types';
import type { Documents } from './documents';
import { POSTER_MAX_WISHES } from '../pdf/schema-wishes';

/** What the papers read of the wishes service: its calls, as the caller would make them. */
export interface WishReader {
  get(id: string, me: StaffActor): Promise<WishRecord>;
  openWall(category: WishCategory | undefined, me: StaffActor): Promise<Wall>;
}

export type WishDocCall = keyof typeof wishDocsCalls;

const CLAIM_STATE_LABELS = { open: '待认领', claimed: '已认领', fulfilled: '已圆梦' } as const;

export function createWishDocs(ctx: ServiceContext, deps: { reader: WishReader; documents: Documents }) {
  function stationHeader(): StationHeader {
    const s = ctx.station.get();
    if (!s) throw new AppError('UNAVAILABLE', '站点尚未完成初始设置');
    return { code: s.code, name: s.name, county: s.county, address: s.address, phone: s.phone };
  }

  function wishLine(r: WishRecord): WishLine {
    return { wishNo: r.wishNo, title: r.title, category: r.category, value: r.valueFen / 100, beneficiaryMasked: r.beneficiaryMasked };
  }

  function claimantLine(s: ClaimShare, joint: boolean, full: boolean): WishClaimantLine {
    return { name: full ? s.name : s.publicName, kind: s.category, share: joint ? `${s.percent}%（${(s.valueFen / 100).toFixed(2)} 元）` : '' };
  }

  function issue(doc: PrintableDocument, ref: { entity: string; entityId: string; number: string }, me: StaffActor): IssuedWishDocument {
    try {
      const d = deps.documents.issueSoon(doc, ref, me.id);
      return { documentId: d.id, documentError: null };
    } catch (err) {
      log.error('wish document not issued', { kind: doc.kind, entityId: ref.entityId, error: err instanceof Error ? err.name : 'unknown' });
      const why = err instanceof AppError ? err.message : '生成 PDF 时出错';
      return { documentId: null, documentError: `单据未能生成：${why}。请稍后再试；如仍失败请联系管理员。` };
    }
  }

  /** The document number: letters, digits and dashes only (documents.ts files it by it). */
  const numberOf = (s: string) => s.replace(/[^0-9A-Za-z_-]+/g, '-').replace(/^[^0-9A-Za-z]+/, '').slice(0, 64);

  async function claimVoucher(id: string, claimantId: string | undefined, me: StaffActor): Promise<IssuedWishDocument> {
    const r = await deps.reader.get(id, me);
    const claim = r.claim;
    if (!claim) throw new AppError('CONFLICT', `心愿 ${r.wishNo} 当前为未认领状态，没有可打印的认领凭证`);
    const at = claimantId ? claim.shares.findIndex((s) => s.claimantId === claimantId) : 0;
    const share = claim.shares[at];
    if (!share) throw new AppError('NOT_FOUND', '该认领方不在本心愿的认领名单中', { claimantId: '该认领方不在本心愿的认领名单中' });
    const joint = claim.shares.length > 1;
    const doc: PrintableDocument = {
      kind: 'wish.claim',
      data: {
        station: stationHeader(),
        wish: wishLine(r),
        claimant: claimantLine(share, joint, true),
        claimants: claim.shares.map((s) => claimantLine(s, joint, s.claimantId === share.claimantId)),
        claimedAt: claim.claimedAt,
        promisedDate: claim.promisedHandoverDate,
        contactName: claim.claimedByName,
        clerkName: me.name,
      },
    };
    return issue(doc, { entity: 'wish', entityId: r.id, number: numberOf(joint ? `${claim.claimNo}-${at + 1}` : claim.claimNo) }, me);
  }

  async function handover(id: string, me: StaffActor): Promise<IssuedWishDocument> {
    const r = await deps.reader.get(id, me);
    const f = r.fulfilment;
    if (!f || !r.claim) throw new AppError('CONFLICT', `心愿 ${r.wishNo} 尚未登记圆梦交接，暂不能打印圆梦交接单`);
    const joint = r.claim.shares.length > 1;
    const doc: PrintableDocument = {
      kind: 'wish.handover',
      data: {
        station: stationHeader(),
        wish: wishLine(r),
        claimants: r.claim.shares.map((s) => claimantLine(s, joint, true)),
        handoverDate: f.handoverDate,
        delivered: f.delivered,
        proofSha256s: f.proofs.map((p) => p.sha256),
        confirmation: f.confirmation === '家属代为签收' && f.confirmerName ? `${f.confirmation}（${f.confirmerName}）` : f.confirmation,
        clerkName: me.name,
        madeAt: f.recordedAt,
      },
    };
    return issue(doc, { entity: 'wish', entityId: r.id, number: numberOf(`${r.wishNo}-JJ`) }, me);
  }

  async function poster(paper: 'a4' | 'a3', category: WishCategory | undefined, me: StaffActor): Promise<IssuedWishDocument> {
    const wall = await deps.reader.openWall(category, me);
    const station = stationHeader();
    const madeAt = ctx.clock.now().toISOString();
    const day = stationDate(madeAt).replace(/-/g, '');
    const posterNo = numberOf(`${station.code}-XYQ-${day}`);
    const open = wall.cards.filter((c) => c.claimState === 'open');
    const doc: PrintableDocument = {
      kind: 'wish.poster',
      data: {
        station,
        paper: paper === 'a3' ? 'A3' : 'A4',
        posterNo,
        madeAt,
        wishes: open
          .slice(0, POSTER_MAX_WISHES)
          .map((c) => ({ wishNo: c.wishNo, title: c.title, category: c.category, value: Number(c.valueYuan), beneficiaryMasked: c.beneficiaryMasked, deadline: c.deadline, claimState: CLAIM_STATE_LABELS[c.claimState] })),
        notListed: Math.max(0, open.length - POSTER_MAX_WISHES),
        ...(category ? { category } : {}),
      },
    };
    return issue(doc, { entity: 'wish_wall', entityId: station.code, number: posterNo }, me);
  }

  const api: ApiPart<WishDocCall> = {
    'wishDocs.claimVoucher': ({ id, claimantId }, me) => claimVoucher(id, claimantId, me),
    'wishDocs.handover': ({ id }, me) => handover(id, me),
    'wishDocs.poster': ({ paper, category }, me) => poster(paper, category, me),
  };

  return { api, claimVoucher, handover, poster };
}

export type WishDocs = ReturnType<typeof createWishDocs>;

/** The reader over the wishes service's calls (what main/station.ts wires in). */
export function wishReaderOf(wishes: { api: { 'wishes.get': (i: { id: string }, me: StaffActor) => Promise<{ record: WishRecord }>; 'wishes.wall': (i: { claimState: 'open'; fulfilledDays: number; category?: WishCategory }, me: StaffActor) => Promise<Wall> } }): WishReader {
  return {
    get: async (id, me) => (await wishes.api['wishes.get']({ id }, me)).record,
    openWall: (category, me) => wishes.api['wishes.wall']({ claimState: 'open', fulfilledDays: 0, ...(category ? { category } : {}) }, me),
  };
}
