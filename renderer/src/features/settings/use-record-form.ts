/**
 * One record edited in a settings tab (本机设置, 站点信息): load it, show main's copy in the
 * form, save, and put main's field errors next to the fields.
 */
import type { FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { notifySuccess } from '../../components/feedback';
import { showFormError } from '../../components/forms';
import * as S from './strings';

export function useRecordForm<T extends object, V>(opts: {
  form: FormInstance<V>;
  load: () => Promise<T | null>;
  save: (values: V) => Promise<T>;
  /** told of every copy main hands back, loaded or saved */
  onRecord?: (record: T) => void;
  fieldKeys: readonly string[];
  /** fill the form (false for a read-only view) */
  fill?: boolean;
}) {
  const { form, fill = true } = opts;
  const [loaded, setLoaded] = useState<T | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  function keep(record: T | null) {
    setLoaded(record);
    if (record) opts.onRecord?.(record);
  }

  async function load() {
    setLoadError(null);
    try {
      keep(await opts.load());
    } catch (err) {
      setLoadError(err);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  useEffect(() => {
    // main may have normalised what was saved (trimmed); show what it kept
    if (loaded && fill) form.setFieldsValue(loaded as Parameters<typeof form.setFieldsValue>[0]);
  }, [loaded, fill, form]);

  async function save(values: V) {
    setBusy(true);
    setFormError(null);
    try {
      keep(await opts.save(values));
      notifySuccess(S.SAVED);
    } catch (err) {
      setFormError(showFormError(form, err, opts.fieldKeys));
    } finally {
      setBusy(false);
    }
  }

  return { loaded, loadError, busy, formError, load, save };
}
