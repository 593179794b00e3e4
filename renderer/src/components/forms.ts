/**
 * Form helpers shared by every feature: validate with the contract's zod schemas
 * (the same rules main applies), put main's field errors next to their fields,
 * and make Enter move to the next field the way a counter clerk expects.
 */
import type { FormInstance, FormRule as Rule } from 'antd';
import type { KeyboardEvent } from 'react';
import type * as z from 'zod';
import { ApiError } from '../api';
import { errorText } from './feedback';

/** An antd rule that runs a zod schema and shows its first (Chinese) message. */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '填写有误');
    },
  };
}

/** "两次输入的密码不一致" check against another field. */
export function sameAsRule(other: (string | number)[] | string, message: string): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (value && value !== getFieldValue(other)) throw new Error(message);
    },
  });
}

/**
 * Shows an API failure on the form. Field errors main sent (keyed "station.code")
 * go next to the fields this form has; returns the sentence for the form's own
 * alert, or null when every problem is already shown at a field.
 */
export function showFormError(form: FormInstance, err: unknown, fieldKeys: readonly string[]): string | null {
  if (!(err instanceof ApiError)) return errorText(err);
  const entries = Object.entries(err.fields ?? {}).filter(([k]) => fieldKeys.includes(k));
  if (entries.length === 0) return err.message;
  form.setFields(entries.map(([k, msg]) => ({ name: fieldPath(k), errors: [msg] })));
  const first = entries[0];
  if (first) form.scrollToField(fieldPath(first[0]), { focus: true, block: 'nearest' });
  const unmatched = Object.keys(err.fields ?? {}).some((k) => !fieldKeys.includes(k));
  return unmatched ? err.message : null;
}

/**
 * main's field key as the form's name path: "shares.1.percent" → ['shares', 1, 'percent'].
 * A list row's index must be a number, or antd finds no field and the message shows nowhere.
 */
export function fieldPath(key: string): (string | number)[] {
  return key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const FIELD_SELECTOR = [
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]):not([readonly])',
  'textarea:not([disabled]):not([readonly])',
  'button[role=switch]:not([disabled])',
].join(',');

function isShown(el: HTMLElement): boolean {
  // checkVisibility also sees a parent's display:none (collapsed sections, inactive tabs)
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : !el.closest('[hidden]');
}

/**
 * onKeyDown for a <form>: Enter in a field moves to the next field; Enter in the
 * last field submits. Leaves IME composition (拼音 input) and open pickers alone.
 */
export function enterAdvances(submit: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    if (target.closest('.ant-select, .ant-picker')) return;
    const fields = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter((el) => el === target || isShown(el));
    const at = fields.indexOf(target);
    if (at < 0) return;
    e.preventDefault();
    const next = fields[at + 1];
    if (next) {
      next.focus();
      if (next instanceof HTMLInputElement) next.select();
    } else {
      submit();
    }
  };
}

/**
 * Focus `el` once a dialog has finished opening, unless the clerk is already typing in a field:
 * a fast typist (or a card reader) starts before the open animation ends, and taking the
 * keyboard back then would send the next characters into the wrong field.
 */
export function focusUnlessTyping(el: { focus(): void } | null | undefined): void {
  const active = document.activeElement;
  const typing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || (active instanceof HTMLElement && active.isContentEditable);
  if (!typing) el?.focus();
}
