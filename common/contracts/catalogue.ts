/** The 社区服务清单 calls: read by every clerk, changed by the station head or an administrator. */
import * as z from 'zod';
import { call, none, RequestId } from '../contract-kit';
import { freeText } from '../text';
import { CATEGORIES, CatalogueItem, CatalogueVersion, ItemCode, ItemFields } from '../catalogue';

const VersionNo = z.number({ error: '请指定清单版本' }).int({ error: '清单版本号须为整数' }).positive({ error: '清单版本号须为正整数' });

/** The revision the edit form was opened on: a change made meanwhile by someone else is refused, not overwritten. */
const Revision = z.number({ error: '缺少事项的修订版本，请刷新后重试' }).int().positive();

export const RetireReason = freeText('停用原因', { min: 2, max: 200, multiline: true });

export const CatalogueListInput = z.object({
  /** a past version to read; omitted: the current one */
  version: VersionNo.optional(),
  category: z.enum(CATEGORIES, { error: '事项类别不正确' }).optional(),
  forwarded: z.boolean().optional(),
  /** name, code or pinyin, as in search */
  text: freeText('搜索内容', { max: 40 }).optional(),
  includeRetired: z.boolean().default(false),
});

export const catalogueCalls = {
  /** items in force (or also retired ones), filtered; with the version they were read from */
  'catalogue.list': call(CatalogueListInput, z.object({ version: CatalogueVersion, items: z.array(CatalogueItem) }), 'signedIn'),
  /** for the item picker as the clerk types: items in force only, best first */
  'catalogue.search': call(
    z.object({
      query: freeText('搜索内容', { max: 40 }),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    z.array(CatalogueItem),
    'signedIn',
  ),
  /** one item: in force now (version omitted), or as it stood in a given version (history, retired included) */
  'catalogue.get': call(z.object({ code: ItemCode, version: VersionNo.optional() }), CatalogueItem, 'signedIn'),
  /** every version, newest first */
  'catalogue.versions': call(none, z.array(CatalogueVersion), 'signedIn'),

  /** a new item; its code is generated from the category (ZD-/BJ-/ZB-/DB-) unless given */
  'catalogue.add': call(z.object({ requestId: RequestId, code: ItemCode.optional(), fields: ItemFields }), CatalogueItem, 'catalogue.edit'),
  'catalogue.update': call(z.object({ code: ItemCode, revision: Revision, fields: ItemFields }), CatalogueItem, 'catalogue.edit'),
  /** no new intake against it; its history stays readable */
  'catalogue.retire': call(z.object({ code: ItemCode, revision: Revision, reason: RetireReason }), CatalogueItem, 'catalogue.edit'),
  /** brings a retired item back into force, as it was when retired */
  'catalogue.restore': call(z.object({ code: ItemCode, revision: Revision }), CatalogueItem, 'catalogue.edit'),
} as const;
