/** 心愿墙: the published wishes as cards (masked names only), filterable; prints the poster. */
import { Alert, Button, Card, Empty, Segmented, Select, Space, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useCallback, useState } from 'react';
import { WISH_CATEGORIES, type WishCategory } from '../../../../common/wish-status';
import { DocumentPreview } from '../../components/DocumentPreview';
import { errorText } from '../../components/feedback';
import { papers, useLoad, wishes, type WallCard } from './data';
import * as S from './strings';

type State = 'all' | WallCard['claimState'];

const STATE_COLORS = { open: 'blue', claimed: 'cyan', fulfilled: 'green' } as const;

export function WishCardView({ card, onOpen }: { card: WallCard; onOpen?: () => void }) {
  return (
    <Card size="small" className="sd-wish-wallcard" hoverable={Boolean(onOpen)} onClick={onOpen} data-testid="wall-card" tabIndex={onOpen ? 0 : undefined} onKeyDown={(e) => e.key === 'Enter' && onOpen?.()}>
      <div className="sd-wish-wallcard-title">{card.title}</div>
      <Space size={4} wrap>
        <Tag>{card.category}</Tag>
        <Tag color={STATE_COLORS[card.claimState]} data-testid="wall-card-state">
          {S.WALL_CLAIM_STATE[card.claimState]}
        </Tag>
      </Space>
      <div className="sd-wish-wallcard-line">
        {S.COL_BENEFICIARY}：<span data-testid="wall-card-name">{card.beneficiaryMasked}</span>
      </div>
      <div className="sd-wish-wallcard-line">
        {S.COL_VALUE}：{card.valueYuan}
      </div>
      <div className="sd-wish-wallcard-line">
        {S.COL_DEADLINE}：{card.deadline}
        {card.daysLeft !== null && <Typography.Text type={card.daysLeft <= 3 ? 'danger' : 'secondary'}>（{S.WALL_DAYS_LEFT(card.daysLeft)}）</Typography.Text>}
      </div>
      {card.claimedBy.length > 0 && <div className="sd-wish-wallcard-line">{S.WALL_CLAIMED_BY(card.claimedBy)}</div>}
      <div className="sd-wish-wallcard-no sd-mono">{card.wishNo}</div>
    </Card>
  );
}

export function WallTab({ onOpen }: { onOpen: (id: string) => void }) {
  const [category, setCategory] = useState<WishCategory | undefined>(undefined);
  const [state, setState] = useState<State>('all');
  const load = useCallback(() => wishes.wall({ ...(category ? { category } : {}), ...(state !== 'all' ? { claimState: state } : {}) }), [category, state]);
  const wall = useLoad(load);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [printError, setPrintError] = useState<string | null>(null);

  async function poster(paper: 'a4' | 'a3') {
    setPrintError(null);
    try {
      // the category the wall shows, as the poster's own note advises for a long list
      const r = await papers.poster(paper, category);
      if (r.documentId) setDocumentId(r.documentId);
      else setPrintError(r.documentError ?? '海报未能生成');
    } catch (err) {
      setPrintError(errorText(err));
    }
  }

  return (
    <div data-testid="wish-wall">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<State>
          value={state}
          onChange={setState}
          options={[
            { value: 'all', label: S.ALL },
            { value: 'open', label: S.WALL_CLAIM_STATE.open },
            { value: 'claimed', label: S.WALL_CLAIM_STATE.claimed },
            { value: 'fulfilled', label: S.WALL_CLAIM_STATE.fulfilled },
          ]}
          data-testid="wall-filter-state"
        />
        <Select<WishCategory | 'all'>
          style={{ width: 150 }}
          value={category ?? 'all'}
          onChange={(v) => setCategory(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: `${S.FILTER_CATEGORY}：${S.ALL}` }, ...WISH_CATEGORIES.map((c) => ({ value: c, label: c }))]}
          data-testid="wall-filter-category"
        />
        <Button icon={<PrinterOutlined />} onClick={() => void poster('a4')} data-testid="wall-poster-a4">
          {S.POSTER_A4}
          {category ? ` · ${category}` : ''}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => void poster('a3')} data-testid="wall-poster-a3">
          {S.POSTER_A3}
          {category ? ` · ${category}` : ''}
        </Button>
      </Space>
      {(wall.error || printError) && <Alert type="error" showIcon title={wall.error ?? printError} style={{ marginBottom: 12 }} />}
      {wall.data && wall.data.cards.length === 0 && <Empty description={S.WALL_EMPTY} />}
      <div className="sd-wish-wall">
        {(wall.data?.cards ?? []).map((c) => (
          <WishCardView key={c.id} card={c} onOpen={() => onOpen(c.id)} />
        ))}
      </div>
      <DocumentPreview documentId={documentId} onClose={() => setDocumentId(null)} />
    </div>
  );
}
