/** 重点服务对象 tags in their colours, in the fixed order of the list. */
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { KEY_TAGS, type KeyTag, type TagEntry } from '../../../../common/contracts/residents';
import { D_TAG_SINCE, KEY_TAG_COLORS } from './strings';

export function TagList({ tags, entries, empty = null }: { tags?: readonly KeyTag[]; entries?: readonly TagEntry[]; empty?: ReactNode }) {
  const list = entries ?? (tags ?? []).map((tag) => ({ tag, since: '' }));
  if (list.length === 0) return <>{empty}</>;
  const sorted = [...list].sort((a, b) => KEY_TAGS.indexOf(a.tag) - KEY_TAGS.indexOf(b.tag));
  return (
    <span className="sd-res-tags">
      {sorted.map((t) =>
        t.since ? (
          <Tooltip key={t.tag} title={D_TAG_SINCE(t.since)}>
            <Tag color={KEY_TAG_COLORS[t.tag]} data-testid="resident-tag">
              {t.tag}
            </Tag>
          </Tooltip>
        ) : (
          <Tag key={t.tag} color={KEY_TAG_COLORS[t.tag]} data-testid="resident-tag">
            {t.tag}
          </Tag>
        ),
      )}
    </span>
  );
}
