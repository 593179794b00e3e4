/**
 * Register or edit a resident, in a drawer: the 身份证号 first (it fills in sex and birth
 * date), Enter moves on, Ctrl+Enter saves, Esc closes (asking first when something was
 * typed). What the clerk types against the number is flagged at once; a number someone
 * already holds is flagged as soon as it is complete, with a link to that person; main
 * re-checks everything and its per-field messages land next to their fields.
 */
import { Alert, AutoComplete, Button, Drawer, Form, Input, Radio, Select, Space, type FormRule, type InputRef } from 'antd';
import type * as z from 'zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { checkIdNumber, SEX_LABELS, type Sex } from '../../../../common/idcard';
import {
  IdNumberSchema,
  OptionalPhoneSchema,
  PastDateSchema,
  RELATIONS,
  ResidentNameSchema,
  type Relation,
  type ResidentView,
  type TagEntry,
} from '../../../../common/contracts/residents';
import { api, ApiError } from '../../api';
import { errorText, notifySuccess } from '../../components/feedback';
import { enterAdvances, focusUnlessTyping, zodRule } from '../../components/forms';
import { IdNumberNotes } from './IdNumberNotes';
import { useDiscardGuard } from '../../components/discard-guard';
import { useGrids } from './shared';
import { HeadSelect, TagEditor, useDerivedPinyin, useIdHolder } from './ResidentFormFields';
import * as S from './strings';
import './residents.css';
import { useRequestId } from '../../request-id';
import { stationToday } from '../../stores/clock';

interface Values {
  idNumber: string;
  name: string;
  sex?: Sex;
  birthDate: string;
  phone: string;
  address: string;
  grid: string;
  householdHeadId: string | null;
  relation: Relation | null;
  notes: string;
  pinyin: string;
  tags: TagEntry[];
}

export interface ResidentFormProps {
  open: boolean;
  /** the resident to edit; absent: a new registration */
  resident?: ResidentView | null;
  /** a new registration starts with this 身份证号 (typed into the search box) */
  initialIdNumber?: string;
  onSaved: (resident: ResidentView) => void;
  onClose: () => void;
  /** the duplicate's "open their record" link; absent: no link */
  onOpenExisting?: (id: string) => void;
  /** the words on that link */
  existingLabel?: string;
}

const FIELD_KEYS = ['idNumber', 'name', 'sex', 'birthDate', 'phone', 'address', 'grid', 'householdHeadId', 'relation', 'notes', 'pinyin', 'tags'] as const;
const BIRTH_SCHEMA = PastDateSchema('出生日期');

/** A field that may stay empty (then main keeps or derives it), checked by the contract's schema when filled. */
function optionalRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '填写有误');
    },
  };
}

function blankValues(idNumber = ''): Values {
  return { idNumber, name: '', birthDate: '', phone: '', address: '', grid: '', householdHeadId: null, relation: null, notes: '', pinyin: '', tags: [] };
}

function valuesOf(r: ResidentView): Values {
  return {
    idNumber: '',
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    phone: r.phone ?? '',
    address: r.address,
    grid: r.grid,
    householdHeadId: r.householdHeadId,
    relation: r.relation,
    notes: r.notes,
    pinyin: r.pinyinManual ? r.pinyin : '',
    tags: r.tagEntries,
  };
}

export function ResidentForm({ open, resident, initialIdNumber, onSaved, onClose, onOpenExisting, existingLabel = S.DUPLICATE_OPEN }: ResidentFormProps) {
  const [form] = Form.useForm<Values>();
  const editing = resident ?? null;
  const [busy, setBusy] = useState(false);
  // one resident per opening of the form: a double Enter registers them once
  const [requestId, renewRequestId] = useRequestId();
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<{ id: string; message: string } | null>(null);
  const idRef = useRef<InputRef>(null);
  const grids = useGrids((s) => s.grids);
  const loadGrids = useGrids((s) => s.load);
  const today = stationToday();

  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const sex = Form.useWatch('sex', form);
  const birthDate = Form.useWatch('birthDate', form) ?? '';
  const name = Form.useWatch('name', form) ?? '';
  const typedPinyin = Form.useWatch('pinyin', form) ?? '';
  const holder = useIdHolder(idNumber, editing?.id ?? null);
  const derivedPinyin = useDerivedPinyin(name);
  const guard = useDiscardGuard(form, 'resident-form-discard');

  useEffect(() => {
    if (open) void loadGrids();
  }, [open, loadGrids]);

  // The form's store outlives the drawer's content: each opening starts from this opening's values.
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, editing, initialIdNumber, form]);

  // What the number says, to fill in and to check the clerk's own entries against.
  const derived = useMemo(() => {
    const typed = idNumber.replace(/\s/g, '');
    if (typed.length >= 18) {
      const r = checkIdNumber(typed, today);
      return r.ok ? { sex: r.sex, birthDate: r.birthDate } : null;
    }
    if (typed === '' && editing) return { sex: editing.sex, birthDate: editing.birthDate };
    return null;
  }, [idNumber, editing, today]);

  useEffect(() => {
    if (derived && idNumber.replace(/\s/g, '').length >= 18) form.setFieldsValue({ sex: derived.sex, birthDate: derived.birthDate });
  }, [derived, idNumber, form]);

  const sexWarning = derived && sex && sex !== derived.sex ? S.WARN_SEX(SEX_LABELS[derived.sex]) : null;
  const birthWarning = derived && birthDate && birthDate !== derived.birthDate ? S.WARN_BIRTH(derived.birthDate) : null;
  // main refused what the warning already said: the warning turns into the error, said once
  const [refused, setRefused] = useState<{ sex?: boolean; birthDate?: boolean }>({});
  useEffect(() => setRefused({}), [sex, birthDate, idNumber]);

  function close() {
    setFormError(null);
    setDuplicate(null);
    onClose();
  }

  // the early check and main's refusal say the same thing: show one
  const shownDuplicate = duplicate ?? (holder ? { id: holder.id, message: S.DUPLICATE_EARLY(holder.name, holder.idMasked) } : null);

  async function submit(v: Values) {
    setBusy(true);
    setFormError(null);
    setDuplicate(null);
    const common = {
      name: v.name,
      ...(v.sex ? { sex: v.sex } : {}),
      ...(v.birthDate ? { birthDate: v.birthDate } : {}),
      phone: v.phone ?? '',
      address: v.address ?? '',
      grid: v.grid ?? '',
      householdHeadId: v.householdHeadId ?? null,
      relation: v.relation ?? null,
      notes: v.notes ?? '',
      pinyin: v.pinyin ?? '',
      tags: v.tags ?? [],
    };
    try {
      const saved = editing
        ? await api['residents.update']({ id: editing.id, version: editing.version, ...(v.idNumber?.trim() ? { idNumber: v.idNumber } : {}), ...common })
        : await api['residents.create']({ requestId, idNumber: v.idNumber, ...common });
      if (!editing) renewRequestId();
      notifySuccess(editing ? S.SAVED_EDIT(saved.name) : S.SAVED_CREATE(saved.name));
      void loadGrids();
      onSaved(saved);
      close();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  function showError(err: unknown) {
    if (!(err instanceof ApiError) || !err.fields) {
      setFormError(errorText(err));
      return;
    }
    const fields = { ...err.fields };
    if (err.code === 'CONFLICT' && fields.existingId) {
      setDuplicate({ id: fields.existingId, message: err.message });
      delete fields.existingId;
    }
    if (fields.sex && sexWarning) {
      setRefused((r) => ({ ...r, sex: true }));
      delete fields.sex;
    }
    if (fields.birthDate && birthWarning) {
      setRefused((r) => ({ ...r, birthDate: true }));
      delete fields.birthDate;
    }
    // tags.2.since → the tag editor as a whole
    const byField = new Map<string, string>();
    for (const [k, msg] of Object.entries(fields)) {
      const key = k.startsWith('tags') ? 'tags' : k;
      if ((FIELD_KEYS as readonly string[]).includes(key) && !byField.has(key)) byField.set(key, msg);
    }
    form.setFields([...byField].map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
    const first = [...byField.keys()][0];
    if (first) form.scrollToField(first as keyof Values, { focus: true, block: "nearest" });
    const unmatched = Object.keys(fields).some((k) => !byField.has(k.startsWith('tags') ? 'tags' : k));
    if (unmatched || (byField.size === 0 && !sexWarning && !birthWarning)) setFormError(err.message);
  }

  const title = editing ? S.FORM_EDIT(editing.name) : S.FORM_CREATE;
  const initial = editing ? valuesOf(editing) : blankValues(initialIdNumber ?? '');

  return (
    <Drawer
      title={title}
      open={open}
      size={640}
      destroyOnHidden
      maskClosable={false}
      onClose={() => guard(close)}
      afterOpenChange={(o) => o && focusUnlessTyping(idRef.current)}
      data-testid="resident-form"
      footer={
        <div className="sd-res-form-foot">
          <span className="sd-muted">{S.FORM_KEYS}</span>
          <Space>
            <Button onClick={() => guard(close)} data-testid="resident-cancel">
              {S.FORM_CANCEL}
            </Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="resident-save">
              {S.FORM_SAVE}
            </Button>
          </Space>
        </div>
      }
    >
      {shownDuplicate && (
        <Alert
          type="warning"
          showIcon
          title={S.DUPLICATE_TITLE}
          description={shownDuplicate.message}
          style={{ marginBottom: 14 }}
          data-testid="resident-form-duplicate"
          action={
            onOpenExisting && (
              <Button size="small" onClick={() => onOpenExisting(shownDuplicate.id)} data-testid="resident-form-open-existing">
                {existingLabel}
              </Button>
            )
          }
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 14 }} data-testid="resident-form-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        validateTrigger="onBlur"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            // the page under the drawer may bind Ctrl+Enter too (代办: accept); this one is the form's
            e.preventDefault();
            e.stopPropagation();
            form.submit();
            return;
          }
          enterAdvances(() => form.submit())(e);
        }}
        autoComplete="off"
        className="sd-res-form"
      >
        <div className="sd-res-form-grid">
          <Form.Item
            label={S.F_ID}
            name="idNumber"
            className="span-2"
            rules={[editing ? optionalRule(IdNumberSchema) : zodRule(IdNumberSchema)]}
            extra={
              editing && !idNumber.trim() ? (
                S.F_ID_KEEP(editing.idMasked)
              ) : derived ? (
                <IdNumberNotes idNumber={idNumber} today={today} />
              ) : undefined
            }
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input ref={idRef} maxLength={22} placeholder={editing ? editing.idMasked : S.F_ID_PH} className="sd-mono" spellCheck={false} data-testid="resident-form-idNumber" />
          </Form.Item>
          <Form.Item label={S.F_NAME} name="name" rules={[zodRule(ResidentNameSchema)]}>
            <Input maxLength={30} data-testid="resident-form-name" />
          </Form.Item>
          <Form.Item label={S.F_PHONE} name="phone" rules={[zodRule(OptionalPhoneSchema)]}>
            <Input maxLength={30} placeholder={S.F_PHONE_PH} data-testid="resident-form-phone" />
          </Form.Item>
          <Form.Item
            label={S.F_SEX}
            name="sex"
            validateStatus={refused.sex ? 'error' : undefined}
            extra={sexWarning && <span className={refused.sex ? 'sd-res-refused' : 'sd-res-warn'} data-testid="resident-form-sex-warning">{sexWarning}</span>}
          >
            <Radio.Group
              options={(['male', 'female'] as const).map((s) => ({ value: s, label: SEX_LABELS[s] }))}
              data-testid="resident-form-sex"
            />
          </Form.Item>
          <Form.Item
            label={S.F_BIRTH}
            name="birthDate"
            rules={[optionalRule(BIRTH_SCHEMA)]}
            validateStatus={refused.birthDate ? 'error' : undefined}
            extra={birthWarning && <span className={refused.birthDate ? 'sd-res-refused' : 'sd-res-warn'} data-testid="resident-form-birth-warning">{birthWarning}</span>}
          >
            <Input maxLength={10} placeholder={S.F_BIRTH_PH} className="sd-mono" data-testid="resident-form-birthDate" />
          </Form.Item>
          <Form.Item label={S.F_ADDRESS} name="address" className="span-2" rules={[{ max: 120, message: '现住址不能超过 120 个字' }]}>
            <Input maxLength={120} data-testid="resident-form-address" />
          </Form.Item>
          <Form.Item label={S.F_GRID} name="grid" rules={[{ max: 40, message: '所属网格不能超过 40 个字' }]}>
            <AutoComplete options={grids.map((g) => ({ value: g }))} placeholder={S.F_GRID_PH} data-testid="resident-form-grid" filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
          </Form.Item>
          <Form.Item
            label={S.F_PINYIN}
            name="pinyin"
            rules={[{ max: 200, message: S.F_PINYIN_LONG }]}
            extra={
              derivedPinyin && !typedPinyin.trim() ? (
                derivedPinyin.unknown.length > 0 ? (
                  <span className="sd-res-warn" data-testid="resident-form-pinyin-unknown">
                    {S.F_PINYIN_UNKNOWN(derivedPinyin.unknown.join('、'))}
                  </span>
                ) : (
                  <span data-testid="resident-form-pinyin-derived">{S.F_PINYIN_DERIVED(derivedPinyin.pinyin)}</span>
                )
              ) : typedPinyin.trim() ? (
                S.F_PINYIN_MANUAL
              ) : undefined
            }
          >
            <Input maxLength={200} placeholder={derivedPinyin?.pinyin ?? S.F_PINYIN_PH} spellCheck={false} data-testid="resident-form-pinyin" />
          </Form.Item>
          <Form.Item label={S.F_HEAD} name="householdHeadId">
            <HeadSelect initialLabel={editing?.householdHeadName ?? null} selfId={editing?.id ?? null} />
          </Form.Item>
          <Form.Item label={S.F_RELATION} name="relation">
            <Select allowClear options={RELATIONS.map((r) => ({ value: r, label: r }))} data-testid="resident-form-relation" />
          </Form.Item>
          <Form.Item label={S.F_TAGS} name="tags" className="span-2" extra={S.F_TAGS_HELP}>
            <TagEditor />
          </Form.Item>
          <Form.Item label={S.F_NOTES} name="notes" className="span-2" rules={[{ max: 500, message: '备注不能超过 500 个字' }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder={S.F_NOTES_PH} data-testid="resident-form-notes" />
          </Form.Item>
        </div>
      </Form>
    </Drawer>
  );
}
