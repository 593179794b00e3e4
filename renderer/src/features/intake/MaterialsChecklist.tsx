/**
 * The item's materials as a checklist, run from the keyboard: Space ticks the focused
 * one, ↑/↓ move, a digit ticks that line, Ctrl+A ticks them all, Enter moves on.
 */
import { CheckSquareOutlined, CloseSquareOutlined } from '@ant-design/icons';
import { Button, Checkbox } from 'antd';
import { forwardRef, useImperativeHandle, useRef, type KeyboardEvent } from 'react';
import * as S from './strings';

interface Props {
  materials: readonly string[];
  received: readonly string[];
  onToggle: (material: string) => void;
  onAll: (on: boolean) => void;
  /** Enter: the clerk is done ticking */
  onDone: () => void;
  error?: string | undefined;
}

export interface ChecklistHandle {
  focus(): void;
}

export const MaterialsChecklist = forwardRef<ChecklistHandle, Props>(function MaterialsChecklist({ materials, received, onToggle, onAll, onDone, error }, ref) {
  const listRef = useRef<HTMLDivElement>(null);

  function boxes(): HTMLInputElement[] {
    return Array.from(listRef.current?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? []);
  }

  useImperativeHandle(ref, () => ({
    focus() {
      // back to the first one not yet ticked: that is where the clerk's eye goes
      const all = boxes();
      (all.find((b) => !b.checked) ?? all[0])?.focus();
    },
  }));

  const allIn = materials.length > 0 && received.length === materials.length;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.nativeEvent.isComposing) return;
    const all = boxes();
    const at = all.indexOf(document.activeElement as HTMLInputElement);
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      onAll(!allIn);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (at < 0) return;
      e.preventDefault();
      const next = all[(at + (e.key === 'ArrowDown' ? 1 : -1) + all.length) % all.length];
      next?.focus();
    } else if (/^[1-9]$/.test(e.key)) {
      const i = Number(e.key) - 1;
      const m = materials[i];
      if (m === undefined) return;
      e.preventDefault();
      onToggle(m);
      all[i]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onDone();
    }
  }

  return (
    <div className="sd-materials" data-testid="intake-materials" onKeyDown={onKeyDown}>
      <div className="sd-materials-head">
        <span className={allIn ? 'sd-materials-count done' : 'sd-materials-count'} data-testid="intake-received-count">
          {S.RECEIVED_COUNT(received.length, materials.length)}
        </span>
        <Button
          size="small"
          type={allIn ? 'default' : 'primary'}
          ghost={!allIn}
          icon={allIn ? <CloseSquareOutlined /> : <CheckSquareOutlined />}
          onClick={() => onAll(!allIn)}
          data-testid="intake-all-received"
          title="Ctrl+A"
        >
          {allIn ? S.CLEAR_RECEIVED : S.ALL_RECEIVED}
          <span className="sd-kbd sd-kbd-in-button">Ctrl+A</span>
        </Button>
      </div>
      <div ref={listRef} role="group" aria-label={S.MATERIALS_LABEL} className={error ? 'sd-materials-list has-error' : 'sd-materials-list'}>
        {materials.map((m, i) => {
          const on = received.includes(m);
          return (
            <Checkbox key={m} checked={on} onChange={() => onToggle(m)} className={on ? 'sd-material on' : 'sd-material'} data-testid={`intake-material-${i}`}>
              <span className="sd-material-no">{i + 1}</span>
              <span className="sd-material-name">{m}</span>
              {!on && <span className="sd-material-missing">{S.DETAIL_MATERIAL_MISSING}</span>}
            </Checkbox>
          );
        })}
      </div>
      {error && (
        <div className="sd-field-error" role="alert" data-testid="intake-materials-error">
          {error}
        </div>
      )}
    </div>
  );
});
