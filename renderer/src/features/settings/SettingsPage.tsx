/** 设置: tabs for the machine, the station, staff, the audit log and one's own password; each shown to whom it concerns. */
import { useState } from 'react';
import { can } from '../../../../common/roles';
import { Page } from '../../components/Page';
import { AreaTabs } from '../../shell/AreaTabs';
import { useApp } from '../../stores/app';
import { AuditTab } from './AuditTab';
import { CalendarTab } from './CalendarTab';
import { TAB_CALENDAR } from './calendar-strings';
import { MachineTab } from './MachineTab';
import { PasswordTab } from './PasswordTab';
import { StaffTab } from './StaffTab';
import { GrantsTab } from './GrantsTab';
import { TAB_GRANTS } from './grants-strings';
import { StationTab } from './StationTab';
import { ReliefSettingsTab } from '../relief/ReliefSettingsTab';
import { TAB_SETTINGS as TAB_RELIEF } from '../relief/strings';
import * as S from './strings';

export function SettingsPage() {
  const role = useApp((s) => s.session?.staff.role);
  const [tab, setTab] = useState('machine');

  const tabs = [
    { key: 'machine', label: S.TAB_MACHINE, Body: MachineTab, show: true },
    { key: 'station', label: S.TAB_STATION, Body: StationTab, show: true },
    { key: 'calendar', label: TAB_CALENDAR, Body: CalendarTab, show: true },
    { key: 'staff', label: S.TAB_STAFF, Body: StaffTab, show: can(role, 'staff.manage') },
    { key: 'audit', label: S.TAB_AUDIT, Body: AuditTab, show: can(role, 'audit.read') },
    { key: 'password', label: S.TAB_PASSWORD, Body: PasswordTab, show: true },
    // last, so the tabs before it keep their Alt+Shift+数字
    { key: 'grants', label: TAB_GRANTS, Body: GrantsTab, show: can(role, 'staff.grant') },
    // 低保 standard, asset and time limits: read by all, changed with settings.edit
    { key: 'relief', label: TAB_RELIEF, Body: ReliefSettingsTab, show: true },
  ].filter((t) => t.show);

  return (
    <Page title={S.TITLE} subtitle={S.SUBTITLE} testId="area-settings">
      <AreaTabs
        className="sd-settings"
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={tabs.map(({ key, label, Body }) => ({
          key,
          label: <span data-testid={`settings-tab-${key}`}>{label}</span>,
          children: (
            <div className="sd-settings-pane">
              <Body />
            </div>
          ),
        }))}
      />
    </Page>
  );
}
