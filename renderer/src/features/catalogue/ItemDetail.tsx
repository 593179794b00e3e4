/** One item in a side drawer: what to bring, how long it takes, who decides; edit buttons for whoever may edit. */
import { Alert, Button, Descriptions, Drawer, Popconfirm, Space, Tag } from 'antd';
import { timeLimitText, type CatalogueItem } from '../../../../common/catalogue';
import { formatDateTime } from '../../format';
import { CATEGORY_COLORS } from './category';
import { conditionsText } from '../../../../common/eligibility';
import * as S from './strings';

interface Props {
  item: CatalogueItem | null;
  /** editing is offered only on the current version and to the station head or an administrator */
  editable: boolean;
  onClose: () => void;
  onEdit: (item: CatalogueItem) => void;
  onRetire: (item: CatalogueItem) => void;
  onRestore: (item: CatalogueItem) => Promise<void>;
}

export function ItemDetail({ item, editable, onClose, onEdit, onRetire, onRestore }: Props) {
  const actions =
    item && editable ? (
      <Space>
        {item.retired ? (
          <Popconfirm title={S.RESTORE_CONFIRM(item.name)} description={S.RESTORE_CONFIRM_TEXT} okText={S.RESTORE} cancelText={S.CANCEL} onConfirm={() => onRestore(item)}>
            <Button data-testid="catalogue-restore">{S.RESTORE}</Button>
          </Popconfirm>
        ) : (
          <>
            <Button danger onClick={() => onRetire(item)} data-testid="catalogue-retire">
              {S.RETIRE}
            </Button>
            <Button type="primary" onClick={() => onEdit(item)} data-testid="catalogue-edit">
              {S.EDIT}
            </Button>
          </>
        )}
      </Space>
    ) : null;

  return (
    <Drawer open={item !== null} onClose={onClose} size={520} destroyOnHidden title={item ? S.DETAIL_TITLE(item.code, item.name) : ''} extra={actions}>
      {item && (
        <div data-testid="catalogue-detail">
          {item.retired && <Alert type="warning" showIcon title={`${S.RETIRED}${item.retiredReason ? `：${item.retiredReason}` : ''}`} style={{ marginBottom: 16 }} />}
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'category', label: S.COL_CATEGORY, children: <Tag color={CATEGORY_COLORS[item.category]}>{item.category}</Tag> },
              { key: 'department', label: S.COL_DEPARTMENT, children: item.department },
              { key: 'limit', label: S.COL_LIMIT, children: timeLimitText(item.timeLimit) },
              { key: 'forwarded', label: S.F_FORWARDED, children: item.forwarded ? S.DETAIL_FORWARDED_YES : S.DETAIL_FORWARDED_NO },
              {
                key: 'materials',
                label: S.DETAIL_MATERIALS,
                children: (
                  <ol className="sd-cat-materials" data-testid="catalogue-detail-materials">
                    {item.materials.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ol>
                ),
              },
              { key: 'conditions', label: S.DETAIL_CONDITIONS, children: <span data-testid="catalogue-detail-conditions">{conditionsText(item.conditions) || S.DETAIL_CONDITIONS_NONE}</span> },
              ...(item.notes ? [{ key: 'notes', label: S.DETAIL_NOTES, children: item.notes }] : []),
              { key: 'version', label: S.DETAIL_VERSION, children: S.DETAIL_VERSION_TEXT(item.version, formatDateTime(item.revisedAt)) },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
