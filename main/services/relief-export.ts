/**
 * The relief cases as .xlsx (relief.export, for holders of 'relief.view'): one row per case
 * with its figures, saved under exports/ like the other lists; the export itself goes into
 * the 操作日志 with what was filtered and how many rows left (never the rows).
 */
import type { Actor, ServiceContext, StaffActor } from '../context';
import type { ParsedInput } from '../../common/contract';
import type { ReliefCase, ReliefSummary } from '../../common/contracts/relief';
import { formatDateTime, stationDate } from '../../common/time';
import { formatYuan, RELIEF_CLOSED, RELIEF_STATUS_LABELS, RELIEF_TYPE_LABELS } from '../../common/relief';
import { deliverExport, exportStamp, reportWorkbook, type ExportResult, type ReportColumn } from './xlsx-report';

type Col = 'caseNo' | 'type' | 'status' | 'applicant' | 'idMasked' | 'size' | 'createdOn' | 'acceptedOn' | 'dueDate' | 'urgency' | 'perCapita' | 'standard' | 'closeRelative';

const COLUMNS: readonly ReportColumn<Col>[] = [
  { key: 'caseNo', header: '案件编号', width: 24, text: true },
  { key: 'type', header: '救助类型', width: 14 },
  { key: 'status', header: '状态', width: 18 },
  { key: 'applicant', header: '申请人', width: 10 },
  { key: 'idMasked', header: '身份证号（隐去）', width: 22, text: true },
  { key: 'size', header: '家庭人口', width: 8 },
  { key: 'createdOn', header: '登记日期', width: 12 },
  { key: 'acceptedOn', header: '受理日期', width: 12 },
  { key: 'dueDate', header: '办结期限', width: 12 },
  { key: 'urgency', header: '时限', width: 10 },
  { key: 'perCapita', header: '人均月收入（元）', width: 14 },
  { key: 'standard', header: '低保标准（元）', width: 12 },
  { key: 'closeRelative', header: '近亲属备案', width: 10 },
];

const URGENCY: Record<ReliefCase['urgency'], string> = { overdue: '已逾期', dueSoon: '即将到期', normal: '正常', closed: '已办结' };

export function createReliefExport(ctx: ServiceContext, deps: { all: (actor: Actor) => ReliefCase[]; summary: (c: ReliefCase) => ReliefSummary }) {
  return async function exportCases(filter: ParsedInput<'relief.export'>['filter'], me: StaffActor): Promise<ExportResult> {
    const cases = deps.all(me).filter((c) => {
      const closed = RELIEF_CLOSED.includes(c.status);
      if (filter.status === 'open' && closed) return false;
      if (filter.status === 'closed' && !closed) return false;
      if (filter.type && c.type !== filter.type) return false;
      const day = stationDate(c.createdAt);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
      return true;
    });
    const now = ctx.clock.now();
    const rows = cases.map((c) => ({
      caseNo: c.caseNo,
      type: RELIEF_TYPE_LABELS[c.type],
      status: RELIEF_STATUS_LABELS[c.status],
      applicant: c.applicantName,
      idMasked: c.applicantIdMasked,
      size: c.householdSize,
      createdOn: stationDate(c.createdAt),
      acceptedOn: c.acceptedOn ?? '',
      dueDate: c.dueDate ?? '',
      urgency: URGENCY[c.urgency],
      // redacted cases (a caller without relief.view never gets here: the call needs it) print blank
      perCapita: c.means ? formatYuan(c.means.perCapitaFen) : '',
      standard: c.means?.standard ? formatYuan(c.means.standard.fen) : '',
      closeRelative: c.closeRelative ? '是' : '',
    }));
    const station = ctx.station.get();
    const buffer = await reportWorkbook({ sheet: '社会救助', title: `${station?.name ?? ''}社会救助申请台账`, subtitle: `共 ${rows.length} 件  导出时间：${formatDateTime(now)}  导出人：${me.name}`, columns: COLUMNS, rows });
    return deliverExport(ctx, now, { fileName: `社会救助台账-${exportStamp(now)}.xlsx`, buffer, rows: rows.length, actorId: me.id, audit: { action: 'relief_case.export', entity: 'relief_case' }, detail: { filters: filter } });
  };
}
