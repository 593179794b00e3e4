/** 居民: find or register a resident, the 重点服务对象台账, and bulk import for 站长/管理员. */
import { ImportOutlined, SearchOutlined, SolutionOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Page } from '../../components/Page';
import { AreaTabs } from '../../shell/AreaTabs';
import { ImportTab } from './ImportTab';
import { LedgerTab } from './LedgerTab';
import { SearchTab } from './SearchTab';
import { useMay } from '../../stores/permissions';
import * as S from './strings';
import './residents.css';

export function ResidentsPage() {
  const mayImport = useMay('residents.import');
  const [tab, setTab] = useState('search');
  const tabs = [
    { key: 'search', icon: <SearchOutlined />, label: S.TAB_SEARCH, Body: SearchTab, show: true },
    { key: 'ledger', icon: <SolutionOutlined />, label: S.TAB_LEDGER, Body: LedgerTab, show: true },
    { key: 'import', icon: <ImportOutlined />, label: S.TAB_IMPORT, Body: ImportTab, show: mayImport },
  ].filter((t) => t.show);

  return (
    <Page title={S.TITLE} subtitle={S.SUBTITLE} testId="area-residents">
      <AreaTabs
        className="sd-res-tabs"
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={tabs.map(({ key, icon, label, Body }) => ({
          key,
          label: (
            <span data-testid={`residents-tab-${key}`}>
              {icon} {label}
            </span>
          ),
          children: <Body />,
        }))}
      />
    </Page>
  );
}
