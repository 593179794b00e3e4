/** 代办: 受理 a resident's affair, follow the 工作清单 to 办结 and 领取, and keep the 服务清单. */
import { FileAddOutlined, OrderedListOutlined, ProfileOutlined } from '@ant-design/icons';
import { Page } from '../../components/Page';
import { AreaTabs } from '../../shell/AreaTabs';
import { CataloguePanel } from '../catalogue';
import { AcceptTab } from './AcceptTab';
import { useIntakeNav, type IntakeTab } from './nav';
import { WorkList } from './WorkList';
import * as S from './strings';
import './intake.css';

export function IntakePage() {
  const tab = useIntakeNav((s) => s.tab);
  const setTab = useIntakeNav((s) => s.setTab);

  return (
    <Page title={S.TITLE} subtitle={S.SUBTITLE} testId="area-intake">
      <AreaTabs
        className="sd-intake-tabs"
        activeKey={tab}
        onChange={(k) => setTab(k as IntakeTab)}
        destroyOnHidden
        items={[
          { key: 'new', label: <span data-testid="intake-tab-new"><FileAddOutlined /> {S.TAB_NEW}</span>, children: <AcceptTab /> },
          { key: 'list', label: <span data-testid="intake-tab-list"><OrderedListOutlined /> {S.TAB_LIST}</span>, children: <WorkList /> },
          { key: 'catalogue', label: <span data-testid="intake-tab-catalogue"><ProfileOutlined /> {S.TAB_CATALOGUE}</span>, children: <CataloguePanel /> },
        ]}
      />
    </Page>
  );
}
