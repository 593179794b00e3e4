/**
 * The per-capita monthly income against the local 低保 standard with the arithmetic shown
 * line by line, and the asset warnings. The station shows figures; the county decides.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import type { Preview, ReliefCase } from './data';
import * as S from './strings';

type Means = NonNullable<ReliefCase['means']>;

/**
 * `waitingFor`: why there are no figures yet (draft.ts previewWaitsFor), shown in their place;
 * null when nothing is missing and the figures are on their way.
 */
export function MeansPanel({ means, warnings, redacted = false, error, waitingFor }: { means: Means | null; warnings: Preview['assetWarnings']; redacted?: boolean; error?: string | null; waitingFor?: string | null }) {
  if (redacted) return <Alert type="info" showIcon message={S.REDACTED} data-testid="relief-means-redacted" />;
  return (
    <div className="sd-relief-means" data-testid="relief-means" aria-label={S.MEANS}>
      <div className="sd-relief-sub">{S.MEANS}</div>
      {error && <div className="sd-field-error">{error}</div>}
      {!means && !error && (
        <div className="sd-relief-muted" data-testid="relief-means-waiting">
          {waitingFor === undefined ? S.MEANS_NONE : (waitingFor ?? S.MEANS_COUNTING)}
        </div>
      )}
      {means && (
        <>
          <ol className="sd-relief-steps" data-testid="relief-means-steps">
            {means.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          <div className="sd-relief-figure">
            <span>{S.HOUSEHOLD_SIZE(means.householdSize)}</span>
            <span>
              {S.PER_CAPITA} <b data-testid="relief-per-capita">{S.YUAN(means.perCapitaFen)}</b> 元
            </span>
            {means.standard ? (
              <span>
                {S.STANDARD} {S.YUAN(means.standard.fen)} 元（{means.standard.effectiveFrom} 起）
              </span>
            ) : (
              <span className="sd-relief-muted">{S.STANDARD_NONE}</span>
            )}
            {means.gapFen !== null && (
              <span className={means.belowStandard ? 'sd-relief-below' : 'sd-relief-above'} data-testid="relief-gap">
                {means.belowStandard ? S.BELOW(S.YUAN(-means.gapFen)) : S.ABOVE(S.YUAN(means.gapFen))}
              </span>
            )}
          </div>
          {means.noIncome.length > 0 && (
            <div className="sd-relief-muted">
              {S.NO_INCOME_MEMBERS}：{means.noIncome.join('、')}
            </div>
          )}
          {means.awayForWork.length > 0 && (
            <div className="sd-relief-muted">
              {S.AWAY_MEMBERS}：{means.awayForWork.join('、')}
            </div>
          )}
          <div className="sd-relief-muted">{S.MEANS_HINT}</div>
        </>
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          message={S.ASSET_WARNINGS}
          description={
            <ul data-testid="relief-asset-warnings">
              {warnings.map((w) => (
                <li key={w.rule}>{w.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
