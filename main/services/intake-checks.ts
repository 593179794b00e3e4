/**
 * What intake checks and stores beside the record itself: the item's eligibility
 * conditions (warned, never enforced), whether an item may be completed on the spot,
 * the proxy who collects for the applicant (代领), and the 一次性告知书 an acceptance
 * follows. Called inside intake's transactions; writes only intake_records columns.
 */
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import { AppError } from '../../common/errors';
import { checkIdNumber } from '../../common/idcard';
import { stationDate } from '../../common/time';
import { checkEligibility, type EligibilityWarning } from '../../common/eligibility';
import type { CatalogueItem } from '../../common/catalogue';
import type { ProxyRelation } from '../../common/intake-status';
import type { Residents } from './residents';

export function createIntakeChecks(db: Db, clock: Clock, residents: Residents) {
  const q = {
    /** the newest notice for this resident and item that no acceptance has followed yet */
    openNotice: db.prepare<[string, string], { id: string; notice_no: string; issued_at: string }>(
      `SELECT n.id, n.notice_no, n.issued_at FROM intake_notices n
       WHERE n.resident_id = ? AND n.item_code = ? AND NOT EXISTS (SELECT 1 FROM intake_records r WHERE r.notice_id = n.id)
       ORDER BY n.issued_at DESC, n.rowid DESC LIMIT 1`,
    ),
    extras: db.prepare<{ id: string; notice: string | null; warnings: string | null; spot: number }>(
      'UPDATE intake_records SET notice_id = @notice, eligibility_warnings = @warnings, on_the_spot = @spot WHERE id = @id',
    ),
    proxy: db.prepare<{ id: string; name: string; idNumber: string; relation: string }>(
      'UPDATE intake_records SET proxy_name = @name, proxy_id_number = @idNumber, proxy_relation = @relation WHERE id = @id',
    ),
  };

  return {
    /** The conditions this resident does not seem to meet, on the station's date. */
    eligibility(item: Pick<CatalogueItem, 'conditions'>, residentId: string): EligibilityWarning[] {
      if (!item.conditions) return [];
      const r = residents.get(residentId);
      return checkEligibility(item.conditions, { birthDate: r.birthDate, tags: r.tags.map((t) => t.tag), grid: r.grid }, stationDate(clock.now()));
    },

    checkOnTheSpot(item: Pick<CatalogueItem, 'name' | 'timeLimit' | 'forwarded'>): void {
      if (item.timeLimit.unit !== 'immediate' || item.forwarded) {
        throw new AppError('VALIDATION', `“${item.name}”不是当场办结事项，请按承诺时限受理`);
      }
    },

    openNotice(residentId: string, itemCode: string): { noticeNo: string; issuedAt: string } | null {
      const n = q.openNotice.get(residentId, itemCode);
      return n ? { noticeNo: n.notice_no, issuedAt: n.issued_at } : null;
    },

    /** Stores what acceptance decided beside the record; returns the linked notice's number. */
    afterAccept(id: string, v: { residentId: string; itemCode: string; warnings: EligibilityWarning[]; onTheSpot: boolean }): string | null {
      const notice = q.openNotice.get(v.residentId, v.itemCode) ?? null;
      q.extras.run({ id, notice: notice?.id ?? null, warnings: v.warnings.length > 0 ? JSON.stringify(v.warnings) : null, spot: v.onTheSpot ? 1 : 0 });
      return notice?.notice_no ?? null;
    },

    /** The proxy's 身份证号, checked and normalised; the applicant collecting in person is not a proxy. */
    checkProxy(proxy: { idNumber: string }, residentId: string): string {
      const r = checkIdNumber(proxy.idNumber, stationDate(clock.now()));
      if (!r.ok) throw new AppError('VALIDATION', `代领人身份证号：${r.message}`, { 'proxy.idNumber': r.message });
      if (residents.get(residentId).idNumber === r.idNumber) {
        throw new AppError('VALIDATION', '代领人就是申请人本人，请按本人领取办理', { 'proxy.idNumber': '这是申请人本人的身份证号' });
      }
      return r.idNumber;
    },

    recordProxy(id: string, proxy: { name: string; idNumber: string; relation: ProxyRelation }): void {
      q.proxy.run({ id, ...proxy });
    },
  };
}

export type IntakeChecks = ReturnType<typeof createIntakeChecks>;
