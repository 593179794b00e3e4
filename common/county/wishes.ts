/**
 * 微心愿 at the county: what the county page reads of each station's wishes (read only),
 * projected from the stations' wish events (county/store/wishes.ts). Names only masked.
 */
import * as z from 'zod';

export const CountyWishStep = z.object({
  version: z.number().int(),
  /** create, publish, approve, reject, withdraw, claim, unclaim, fulfil, followUp, expire */
  step: z.string(),
  status: z.string(),
  occurredAt: z.string(),
  /** what the step recorded: the claim's number and shares, the handover date, a reason */
  note: z.string().nullable(),
});
export type CountyWishStep = z.infer<typeof CountyWishStep>;

export const CountyWishShare = z.object({ name: z.string(), kind: z.string(), category: z.string(), percent: z.number(), valueFen: z.number() });

export const CountyWish = z.object({
  stationId: z.string(),
  stationName: z.string(),
  wishId: z.string(),
  wishNo: z.string(),
  title: z.string(),
  category: z.string(),
  valueFen: z.number().int(),
  /** masked as 张*华 */
  beneficiaryMasked: z.string(),
  source: z.string(),
  deadline: z.string(),
  status: z.string(),
  stationVersion: z.number().int(),
  claimNo: z.string().nullable(),
  shares: z.array(CountyWishShare),
  promisedHandoverDate: z.string().nullable(),
  handoverDate: z.string().nullable(),
  proofs: z.number().int(),
  satisfaction: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** every step the station sent, oldest first */
  steps: z.array(CountyWishStep),
});
export type CountyWish = z.infer<typeof CountyWish>;

export const WishFilter = z.object({
  stationId: z.string().max(64).optional(),
  status: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type WishFilter = z.infer<typeof WishFilter>;
