/** The station head's forms: add or change an item, and retire one with a reason. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Checkbox, Form, Input, InputNumber, Select, Space, Switch, type FormInstance, type FormRule } from 'antd';
import {
  CATEGORIES,
  CATEGORY_HELP,
  ITEM_FIELD_SCHEMAS,
  ItemCode,
  MaterialName,
  Materials,
  TimeLimit,
  type CatalogueItem,
  type Category,
  type TimeLimitUnit,
} from '../../../../common/catalogue';
import type { CallInput } from '../../../../common/contract';
import { RetireReason } from '../../../../common/contracts/catalogue';
import { KEY_TAGS, type KeyTag } from '../../../../common/contracts/residents';
import { EligibilityConditions, normalizeConditions } from '../../../../common/eligibility';
import { FormModal } from '../../components/FormModal';
import { zodRule } from '../../components/forms';
import * as S from './strings';

export interface ItemFormValues {
  code?: string;
  fields: {
    name: string;
    category: Category;
    department: string;
    materials: string[];
    timeLimit: { unit: TimeLimitUnit; value?: number | null };
    forwarded: boolean;
    notes?: string | null;
    conditions: { minAge?: number | null; maxAge?: number | null; tags?: KeyTag[]; residence?: boolean };
  };
}

/** Field paths main may name in its answer; materials by position are left to the form's alert. */
const FIELD_KEYS = ['code', 'fields.name', 'fields.category', 'fields.department', 'fields.timeLimit.unit', 'fields.timeLimit.value', 'fields.forwarded', 'fields.notes', 'fields.conditions', 'fields.conditions.minAge', 'fields.conditions.maxAge', 'fields.conditions.tags'] as const;

const TAG_OPTIONS = KEY_TAGS.map((t) => ({ value: t, label: t }));

/** The forwarding flag a category dictates, or null where the head decides. */
export function forwardedFor(category: Category | undefined): boolean | null {
  if (category === '审核转报') return true;
  if (category === '可直接办结') return false;
  return null;
}

export function valuesOf(item: CatalogueItem): ItemFormValues {
  return {
    fields: {
      name: item.name,
      category: item.category,
      department: item.department,
      materials: [...item.materials],
      timeLimit: item.timeLimit.unit === 'immediate' ? { unit: 'immediate', value: null } : { ...item.timeLimit },
      forwarded: item.forwarded,
      notes: item.notes ?? '',
      conditions: { ...item.conditions },
    },
  };
}

export function newItemValues(category: Category | undefined): ItemFormValues {
  const c = category ?? '代办服务';
  return {
    fields: {
      name: '',
      category: c,
      department: '',
      materials: [S.DEFAULT_MATERIAL],
      timeLimit: { unit: c === '可直接办结' ? 'immediate' : 'workdays', value: c === '可直接办结' ? null : 5 },
      forwarded: forwardedFor(c) ?? c === '代办服务',
      notes: '',
      conditions: {},
    },
  };
}

/** What main is sent: the time limit in its exact shape; main validates everything again. */
export function toFields(v: ItemFormValues['fields']): CallInput<'catalogue.add'>['fields'] {
  const { unit, value } = v.timeLimit;
  return {
    name: v.name,
    category: v.category,
    department: v.department,
    materials: v.materials,
    timeLimit: unit === 'immediate' ? { unit } : { unit, value: value as number },
    forwarded: v.forwarded,
    notes: v.notes ?? null,
    conditions: conditionsOf(v.conditions),
  };
}

/** The form's empty boxes are "no limit": dropped, so no condition set is null. */
function conditionsOf(c: ItemFormValues['fields']['conditions'] | undefined): EligibilityConditions | null {
  if (!c) return null;
  return normalizeConditions({
    ...(typeof c.minAge === 'number' ? { minAge: c.minAge } : {}),
    ...(typeof c.maxAge === 'number' ? { maxAge: c.maxAge } : {}),
    ...(c.tags && c.tags.length > 0 ? { tags: c.tags } : {}),
    ...(c.residence ? { residence: true } : {}),
  });
}

const conditionsRule = (form: FormInstance<ItemFormValues>): FormRule => ({
  validator: async () => {
    const r = EligibilityConditions.safeParse(conditionsOf(form.getFieldValue(['fields', 'conditions']) as ItemFormValues['fields']['conditions']) ?? {});
    if (!r.success) throw new Error(r.error.issues[0]?.message);
  },
});

const optionalCode: FormRule = {
  validator: async (_r, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const r = ItemCode.safeParse(value);
    if (!r.success) throw new Error(r.error.issues[0]?.message);
  },
};

function limitValueRule(form: FormInstance<ItemFormValues>): FormRule {
  return {
    validator: async (_r, value: unknown) => {
      const unit = form.getFieldValue(['fields', 'timeLimit', 'unit']) as TimeLimitUnit | undefined;
      if (!unit || unit === 'immediate') return;
      const r = TimeLimit.safeParse({ unit, value: value ?? undefined });
      if (!r.success) throw new Error(r.error.issues[0]?.message);
    },
  };
}

const materialsRule = {
  validator: async (_r: unknown, value: unknown) => {
    const r = Materials.safeParse((Array.isArray(value) ? value : []).map((m) => (typeof m === 'string' ? m.trim() : m)));
    if (!r.success) throw new Error(r.error.issues[0]?.message);
  },
};

interface ItemFormProps {
  open: boolean;
  /** null: a new item */
  item: CatalogueItem | null;
  defaultCategory?: Category;
  departments: string[];
  form: FormInstance<ItemFormValues>;
  onSubmit: (values: ItemFormValues) => Promise<void>;
  onClose: () => void;
}

export function ItemForm({ open, item, defaultCategory, departments, form, onSubmit, onClose }: ItemFormProps) {
  const category = Form.useWatch(['fields', 'category'], form);
  const unit = Form.useWatch(['fields', 'timeLimit', 'unit'], form);
  const fixed = forwardedFor(category);

  return (
    <FormModal<ItemFormValues>
      title={item ? S.FORM_EDIT_TITLE(item.code) : S.FORM_ADD_TITLE}
      open={open}
      form={form}
      fieldKeys={FIELD_KEYS}
      initialValues={item ? valuesOf(item) : newItemValues(defaultCategory)}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="catalogue-form"
      width={600}
    >
      {item && <Alert type="info" showIcon title={S.FORM_EDIT_NOTE} style={{ marginBottom: 14 }} />}
      {!item && (
        <Form.Item name="code" label={S.F_CODE} rules={[optionalCode]} normalize={(v: string) => v.toUpperCase()}>
          <Input placeholder={S.F_CODE_PH} maxLength={24} data-testid="catalogue-form-code" />
        </Form.Item>
      )}
      <Form.Item name={['fields', 'name']} label={S.F_NAME} rules={[zodRule(ITEM_FIELD_SCHEMAS.name)]}>
        <Input maxLength={40} autoFocus data-testid="catalogue-form-name" />
      </Form.Item>
      <Form.Item name={['fields', 'category']} label={S.F_CATEGORY} rules={[zodRule(ITEM_FIELD_SCHEMAS.category)]} extra={category ? CATEGORY_HELP[category] : undefined}>
        <Select
          options={CATEGORIES.map((c) => ({ value: c, label: c }))}
          data-testid="catalogue-form-category"
          onChange={(c: Category) => {
            const f = forwardedFor(c);
            if (f !== null) form.setFieldValue(['fields', 'forwarded'], f);
          }}
        />
      </Form.Item>
      <Form.Item name={['fields', 'department']} label={S.F_DEPARTMENT} rules={[zodRule(ITEM_FIELD_SCHEMAS.department)]}>
        <AutoComplete
          options={departments.map((d) => ({ value: d }))}
          placeholder={S.F_DEPARTMENT_PH}
          filterOption={(input, option) => (option?.value ?? '').includes(input)}
          data-testid="catalogue-form-department"
        />
      </Form.Item>
      <Form.List name={['fields', 'materials']} rules={[materialsRule]}>
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={S.F_MATERIALS} required>
            {fields.map((field, i) => (
              <div className="sd-cat-material-row" key={field.key}>
                <Form.Item name={field.name} rules={[zodRule(MaterialName)]}>
                  <Input placeholder={S.F_MATERIAL_PH(i + 1)} maxLength={60} data-testid={`catalogue-form-material-${i}`} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={S.F_MATERIAL_REMOVE} disabled={fields.length <= 1} onClick={() => remove(field.name)} tabIndex={-1} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block data-testid="catalogue-form-material-add">
              {S.F_MATERIAL_ADD}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Form.Item label={S.F_LIMIT} required>
        <Space.Compact>
          <Form.Item name={['fields', 'timeLimit', 'value']} noStyle dependencies={[['fields', 'timeLimit', 'unit']]} rules={[limitValueRule(form)]}>
            <InputNumber min={1} precision={0} placeholder={S.F_LIMIT_VALUE_PH} disabled={unit === 'immediate'} style={{ width: 110 }} data-testid="catalogue-form-limit-value" />
          </Form.Item>
          <Form.Item name={['fields', 'timeLimit', 'unit']} noStyle>
            <Select
              options={S.TIME_UNIT_OPTIONS}
              style={{ width: 130 }}
              data-testid="catalogue-form-limit-unit"
              onChange={(u: TimeLimitUnit) => {
                if (u === 'immediate') form.setFieldValue(['fields', 'timeLimit', 'value'], null);
              }}
            />
          </Form.Item>
        </Space.Compact>
        <Form.Item shouldUpdate noStyle>
          {() => <Form.ErrorList errors={form.getFieldError(['fields', 'timeLimit', 'value'])} />}
        </Form.Item>
      </Form.Item>
      <Form.Item name={['fields', 'forwarded']} label={S.F_FORWARDED} valuePropName="checked" extra={S.F_FORWARDED_HELP}>
        <Switch disabled={fixed !== null} data-testid="catalogue-form-forwarded" />
      </Form.Item>
      <Form.Item label={S.F_CONDITIONS} extra={S.F_CONDITIONS_HELP}>
        <Space wrap>
          <Form.Item name={['fields', 'conditions', 'minAge']} label={S.F_MIN_AGE} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={150} precision={0} placeholder={S.F_AGE_PH} style={{ width: 90 }} data-testid="catalogue-form-min-age" />
          </Form.Item>
          <Form.Item name={['fields', 'conditions', 'maxAge']} label={S.F_MAX_AGE} dependencies={[['fields', 'conditions', 'minAge']]} rules={[conditionsRule(form)]} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={150} precision={0} placeholder={S.F_AGE_PH} style={{ width: 90 }} data-testid="catalogue-form-max-age" />
          </Form.Item>
        </Space>
        <Form.Item name={['fields', 'conditions', 'tags']} label={S.F_TAGS} style={{ marginTop: 8, marginBottom: 4 }}>
          <Select mode="multiple" allowClear options={TAG_OPTIONS} placeholder={S.F_TAGS_PH} data-testid="catalogue-form-tags" />
        </Form.Item>
        <Form.Item name={['fields', 'conditions', 'residence']} valuePropName="checked" noStyle>
          <Checkbox data-testid="catalogue-form-residence">{S.F_RESIDENCE}</Checkbox>
        </Form.Item>
      </Form.Item>
      <Form.Item name={['fields', 'notes']} label={S.F_NOTES} rules={[zodRule(ITEM_FIELD_SCHEMAS.notes)]}>
        <Input.TextArea rows={3} maxLength={500} placeholder={S.F_NOTES_PH} data-testid="catalogue-form-notes" />
      </Form.Item>
    </FormModal>
  );
}

interface RetireValues {
  reason: string;
}

export function RetireForm({ item, form, onSubmit, onClose }: { item: CatalogueItem | null; form: FormInstance<RetireValues>; onSubmit: (v: RetireValues) => Promise<void>; onClose: () => void }) {
  return (
    <FormModal<RetireValues>
      title={item ? S.RETIRE_TITLE(item.name) : ''}
      open={item !== null}
      form={form}
      fieldKeys={['reason']}
      okText={S.RETIRE}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="catalogue-retire-form"
    >
      <Alert type="warning" showIcon title={S.RETIRE_NOTE} style={{ marginBottom: 14 }} />
      <Form.Item name="reason" label={S.RETIRE_REASON} rules={[zodRule(RetireReason)]}>
        <Input maxLength={200} placeholder={S.RETIRE_REASON_PH} autoFocus data-testid="catalogue-retire-reason" />
      </Form.Item>
    </FormModal>
  );
}
