/**
 * 登记/修改认领方: a person (党员, 志愿者, 居民) or a unit (驻区单位, 党组织, 企业) with its contact.
 * A 统一社会信用代码 that fails GB 32100 is a warning under its field (the same check main
 * answers with), not a refusal: some units hold an old-style code the clerk cannot change.
 */
import { Form, Input, Select } from 'antd';
import { App } from 'antd';
import { CLAIMANT_CATEGORIES, creditCodeWarning, kindOfCategory, type ClaimantCategory } from '../../../../common/wish-status';
import { FormModal } from '../../components/FormModal';
import { useRequestId } from '../../request-id';
import { claimants, type Claimant } from './data';
import * as S from './strings';

interface Values {
  category: ClaimantCategory;
  name: string;
  contactName?: string;
  phone: string;
  creditCode?: string;
  note?: string;
}

const FIELD_KEYS = ['category', 'name', 'contactName', 'phone', 'creditCode', 'note'];

/** warningOnly: shown next to the field, the form still saves */
const CREDIT_CODE_RULE = {
  warningOnly: true,
  validator: (_: unknown, v: string | undefined) => {
    const w = v && v.trim() !== '' ? creditCodeWarning(v) : null;
    return w ? Promise.reject(new Error(w)) : Promise.resolve();
  },
};

export function ClaimantForm({ open, editing, onSaved, onClose }: { open: boolean; editing?: Claimant | null; onSaved: (c: Claimant) => void; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [requestId, renew] = useRequestId();
  const { message } = App.useApp();
  const category = Form.useWatch('category', form);
  const unit = category ? kindOfCategory(category) === 'unit' : false;
  const opt = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

  return (
    <FormModal<Values>
      title={editing ? S.CL_EDIT : S.CL_NEW}
      open={open}
      form={form}
      fieldKeys={FIELD_KEYS}
      testId="claimant-form"
      initialValues={editing ? { category: editing.category, name: editing.name, contactName: editing.contactName ?? '', phone: editing.phone, creditCode: editing.creditCode ?? '', note: editing.note ?? '' } : { category: '志愿者' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const fields = { category: v.category, name: v.name, phone: v.phone, ...(opt(v.contactName) ? { contactName: opt(v.contactName) } : {}), ...(opt(v.creditCode) ? { creditCode: opt(v.creditCode) } : {}), ...(opt(v.note) ? { note: opt(v.note) } : {}) };
        const r = editing ? await claimants.update({ id: editing.id, version: editing.version, ...fields }) : await claimants.create({ requestId, ...fields });
        if (!editing) renew();
        // a warning was under its field before saving; the claimant's card keeps showing it
        void message.success(r.warnings.length > 0 ? S.CL_SAVED_CHECK : S.CL_SAVED);
        onSaved(r.claimant);
      }}
    >
      <Form.Item name="category" label={S.CL_CATEGORY} rules={[{ required: true, message: '请选择认领方类别' }]}>
        <Select options={CLAIMANT_CATEGORIES.map((c) => ({ value: c, label: `${c}（${kindOfCategory(c) === 'unit' ? '单位' : '个人'}）` }))} data-testid="claimant-category" />
      </Form.Item>
      <Form.Item name="name" label={S.CL_NAME} rules={[{ required: true, whitespace: true, message: '请填写认领方名称' }, { max: 60, message: '认领方名称不能超过 60 个字' }]}>
        <Input autoFocus data-testid="claimant-name" />
      </Form.Item>
      {unit && (
        <Form.Item name="contactName" label={S.CL_CONTACT} rules={[{ max: 30, message: '联系人不能超过 30 个字' }]}>
          <Input data-testid="claimant-contact" />
        </Form.Item>
      )}
      <Form.Item name="phone" label={S.CL_PHONE} rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
        <Input data-testid="claimant-phone" />
      </Form.Item>
      {unit && (
        <Form.Item name="creditCode" label={S.CL_CREDIT} rules={[CREDIT_CODE_RULE]} validateTrigger={['onChange', 'onBlur']}>
          <Input className="sd-mono" maxLength={30} data-testid="claimant-credit" />
        </Form.Item>
      )}
      <Form.Item name="note" label={S.CL_NOTE} rules={[{ max: 200, message: '备注不能超过 200 个字' }]}>
        <Input data-testid="claimant-note" />
      </Form.Item>
    </FormModal>
  );
}
