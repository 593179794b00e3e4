/** The 操作日志's words come from common/, so the screen and the .xlsx export say the same. */
export { actionLabel, detailParts, detailText, entityLabel, recordText } from '../../../../common/audit-labels';
