/** 社会救助: 新申请, the case list, the station head's list, and the case being worked on. */
import { FileAddOutlined, OrderedListOutlined, ProfileOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Page } from '../../components/Page';
import { AreaTabs } from '../../shell/AreaTabs';
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';
import { HeadList } from './HeadList';
import { NewApplication } from './NewApplication';
import { useReliefNav, type ReliefTab } from './data';
import * as S from './strings';
import './relief.css';

export function ReliefPage() {
  const tab = useReliefNav((s) => s.tab);
  const caseId = useReliefNav((s) => s.caseId);
  const setTab = useReliefNav((s) => s.setTab);
  return (
    <Page title={S.TITLE} subtitle={S.SUBTITLE} testId="area-relief">
      <AreaTabs
        activeKey={tab}
        onChange={(k) => setTab(k as ReliefTab)}
        destroyOnHidden
        items={[
          { key: 'new', label: <span data-testid="relief-tab-new"><FileAddOutlined /> {S.TAB_NEW}</span>, children: <NewApplication /> },
          { key: 'list', label: <span data-testid="relief-tab-list"><OrderedListOutlined /> {S.TAB_LIST}</span>, children: <CaseList /> },
          { key: 'head', label: <span data-testid="relief-tab-head"><SafetyCertificateOutlined /> {S.TAB_HEAD}</span>, children: <HeadList /> },
          ...(caseId ? [{ key: 'case', label: <span data-testid="relief-tab-case"><ProfileOutlined /> {S.TAB_CASE}</span>, children: <CasePage key={caseId} id={caseId} /> }] : []),
        ]}
      />
    </Page>
  );
}
