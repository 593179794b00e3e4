/** 微心愿: record a wish, follow it through the list and its detail, the wall, claimants, statistics, settings. */
import { AppstoreOutlined, BarChartOutlined, FileAddOutlined, OrderedListOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Page } from '../../components/Page';
import { AreaTabs } from '../../shell/AreaTabs';
import { NewWishForm } from './NewWishForm';
import { WishList } from './WishList';
import { WallTab } from './WallTab';
import { ClaimantsTab } from './ClaimantsTab';
import { StatsTab } from './StatsTab';
import { SettingsTab } from './SettingsTab';
import * as S from './strings';
import './wishes.css';

type Tab = 'new' | 'list' | 'wall' | 'claimants' | 'stats' | 'settings';

export function WishesPage() {
  const [tab, setTab] = useState<Tab>('new');
  const [openId, setOpenId] = useState<string | null>(null);
  const open = (id: string | null) => {
    setOpenId(id);
    if (id) setTab('list');
  };
  const label = (key: Tab, icon: React.ReactNode, text: string) => (
    <span data-testid={`wish-tab-${key}`}>
      {icon} {text}
    </span>
  );

  return (
    <Page title={S.TITLE} subtitle={S.SUBTITLE} testId="area-wishes">
      <AreaTabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        destroyOnHidden
        items={[
          { key: 'new', label: label('new', <FileAddOutlined />, S.TAB_NEW), children: <NewWishForm onCreated={(r) => open(r.id)} /> },
          { key: 'list', label: label('list', <OrderedListOutlined />, S.TAB_LIST), children: <WishList openId={openId} onOpen={open} /> },
          { key: 'wall', label: label('wall', <AppstoreOutlined />, S.TAB_WALL), children: <WallTab onOpen={open} /> },
          { key: 'claimants', label: label('claimants', <TeamOutlined />, S.TAB_CLAIMANTS), children: <ClaimantsTab /> },
          { key: 'stats', label: label('stats', <BarChartOutlined />, S.TAB_STATS), children: <StatsTab /> },
          { key: 'settings', label: label('settings', <SettingOutlined />, S.TAB_SETTINGS), children: <SettingsTab /> },
        ]}
      />
    </Page>
  );
}
