/**
 * The keyboard model every as-you-type picker shares (resident, service item): ↑/↓ move
 * through the list, Enter picks, Esc clears, and nothing is taken from a composing 拼音 IME.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** The highlighted row, and a list ref that keeps it scrolled into view. */
export function usePickerList() {
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    // jsdom has no scrollIntoView
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  return { active, setActive, listRef };
}

export interface PickerKeys {
  /** the list is open and showing results */
  shown: boolean;
  count: number;
  setActive: (update: (a: number) => number) => void;
  /** ↑/↓ on a closed list */
  open: () => void;
  /** Enter: act and answer true, or answer false to let the key through (e.g. to the form) */
  enter: () => boolean;
  /** Esc: clear and answer true, or answer false when there was nothing to clear */
  clear: () => boolean;
}

export function handlePickerKeys(e: KeyboardEvent<HTMLElement>, k: PickerKeys): void {
  if (e.nativeEvent.isComposing || e.keyCode === 229) return;
  let handled = false;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    if (!k.shown) k.open();
    else if (k.count > 0) {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      k.setActive((a) => (a + step + k.count) % k.count);
    }
    e.preventDefault();
    return;
  }
  if (e.key === 'Enter') handled = k.enter();
  else if (e.key === 'Escape') handled = k.clear();
  // the pick (or the clearing) is this key's whole meaning: the surrounding form must not act on it too
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
  }
}
