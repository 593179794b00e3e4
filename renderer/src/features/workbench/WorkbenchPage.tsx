/** The first page after sign-in: a greeting, today's date, the 代办 numbers and the way into each area. */
import { ROLE_LABELS } from '../../../../common/roles';
import { Page } from '../../components/Page';
import { formatDateLong, formatWeekday, greetingFor } from '../../format';
import { AREAS, shortcutLabel } from '../../shell/areas';
import { useApp } from '../../stores/app';
import { useClock } from '../../stores/clock';
import { useNav } from '../../stores/nav';
import { WORK_START } from '../../shell/work-focus';
import { IntakeCounts } from './IntakeCounts';
import { CountyDecisions } from './CountyDecisions';
import { ReliefFlags } from './ReliefFlags';
import * as S from './strings';
import './workbench.css';

export function WorkbenchPage() {
  const staff = useApp((s) => s.session?.staff ?? null);
  const station = useApp((s) => s.info?.station ?? null);
  const minute = useClock((s) => s.minute);
  const go = useNav((s) => s.go);

  return (
    <Page title={S.TITLE} subtitle={S.SUBTITLE} testId="area-workbench">
      <div className="sd-panel sd-welcome">
        <div>
          <p className="sd-welcome-hello" data-testid="welcome">
            {greetingFor(minute)}，{staff?.name}
          </p>
          <div className="sd-welcome-meta">
            <span>
              {S.TODAY_PREFIX}<span data-testid="today">{formatDateLong(minute)}</span> {formatWeekday(minute)}
            </span>
            {station && <span>{station.name}</span>}
            {staff && (
              <span>
                {S.ROLE_PREFIX}
                {ROLE_LABELS[staff.role]}
              </span>
            )}
          </div>
        </div>
      </div>

      <IntakeCounts />
      <ReliefFlags />
      <CountyDecisions />

      <div className="sd-area-grid">
        {AREAS.filter((a) => a.key !== 'workbench').map((a, i) => (
          <button type="button" key={a.key} className="sd-area-card" data-testid={`card-${a.key}`} onClick={() => go(a.key)} {...(i === 0 ? WORK_START : {})}>
            <span className="sd-area-card-icon" aria-hidden>
              {a.icon}
            </span>
            <span style={{ flex: 1, minWidth: 0 }}>
              <span className="sd-area-card-title">
                <span>{a.label}</span>
                <span className="sd-kbd">{shortcutLabel(a)}</span>
              </span>
              <span className="sd-area-card-text">{a.summary}</span>
            </span>
          </button>
        ))}
      </div>

      <div className="sd-panel sd-section-gap">
        <div className="sd-keys" aria-label={S.KEYS_HEADING}>
          {S.KEYS.map((k) => (
            <div key={k.keys}>
              <span className="sd-kbd">{k.keys}</span>
              {k.text}
            </div>
          ))}
        </div>
      </div>
    </Page>
  );
}
