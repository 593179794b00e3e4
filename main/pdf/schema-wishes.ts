/** The 微心愿 papers' data checked at the boundary (schema.ts holds the union of every form). */
import * as z from 'zod';
import type { WishClaimVoucherData, WishHandoverData, WishPosterData } from './types';

/** the most wishes one poster lists: past this it says how many more there are */
export const POSTER_MAX_WISHES = 200;

const text = (max: number) => z.string().max(max);
const instant = z.iso.datetime({ offset: true });

const StationHeader = z.object({ code: text(20), name: text(60).min(1), county: text(40), address: text(120), phone: text(40) });
/** A masked name keeps its first character and hides at least one: 张*华, 李*. */
const MaskedName = text(60).regex(/\*/, { error: '受益人姓名须已隐去部分字' });
const Wish = z.object({ wishNo: text(64).min(1), title: text(60).min(1), category: text(20).min(1), value: z.number().min(0).max(1_000_000), beneficiaryMasked: MaskedName });
const Claimant = z.object({ name: text(80).min(1), kind: text(20), share: text(40) });

export const WishClaimVoucher = z.object({
  station: StationHeader,
  wish: Wish,
  claimant: Claimant,
  claimants: z.array(Claimant).min(1).max(20),
  claimedAt: instant,
  promisedDate: z.iso.date(),
  contactName: text(30),
  clerkName: text(30),
}) satisfies z.ZodType<WishClaimVoucherData>;

export const WishHandover = z.object({
  station: StationHeader,
  wish: Wish,
  claimants: z.array(Claimant).min(1).max(20),
  handoverDate: z.iso.date(),
  delivered: text(500).min(1),
  proofSha256s: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(20),
  confirmation: text(60).min(1),
  clerkName: text(30),
  madeAt: instant,
}) satisfies z.ZodType<WishHandoverData>;

export const WishPoster = z.object({
  station: StationHeader,
  paper: z.enum(['A4', 'A3']),
  posterNo: text(64).min(1),
  madeAt: instant,
  wishes: z.array(Wish.extend({ deadline: z.iso.date(), claimState: text(20) })).max(POSTER_MAX_WISHES),
  notListed: z.number().int().min(0),
  category: text(20).min(1).optional(),
}) satisfies z.ZodType<WishPosterData>;
