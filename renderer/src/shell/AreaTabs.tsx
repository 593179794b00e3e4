/**
 * The tabs of an area, each with its own key (Alt+Shift+1 … in tab order, shown on the tab)
 * and, once entered by key or click, the keyboard where that tab's work starts.
 * A drop-in for antd's Tabs: an area page swaps the component and keeps its props.
 */
import { Tabs, type TabsProps } from 'antd';
import { useEffect, useRef } from 'react';
import { dialogOpen, requestWorkFocus } from './work-focus';
import * as S from './strings';

export function tabShortcutLabel(index: number): string {
  return `Alt+Shift+${index + 1}`;
}

/** Alt+Shift+digit, read from e.code: Shift+digit types !@# and Alt+digit other signs on some layouts. */
export function tabShortcutIndex(e: KeyboardEvent): number | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  return m ? Number(m[1]) - 1 : null;
}

export function AreaTabs(props: TabsProps) {
  const { items = [], onChange } = props;
  const latest = useRef({ items, onChange, activeKey: props.activeKey });
  latest.current = { items, onChange, activeKey: props.activeKey };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const i = tabShortcutIndex(e);
      if (i === null) return;
      const tab = latest.current.items[i];
      if (!tab || tab.disabled || dialogOpen()) return;
      e.preventDefault();
      if (tab.key !== latest.current.activeKey) latest.current.onChange?.(tab.key);
      requestWorkFocus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Tabs
      {...props}
      onChange={(key) => {
        onChange?.(key);
        requestWorkFocus();
      }}
      items={items.map((tab, i) => ({
        ...tab,
        label: (
          <span className="sd-tab-label" title={S.TAB_KEY_TITLE(tabShortcutLabel(i))}>
            {tab.label}
            <span className="sd-kbd sd-tab-kbd" aria-hidden>
              {tabShortcutLabel(i)}
            </span>
          </span>
        ),
      }))}
    />
  );
}
