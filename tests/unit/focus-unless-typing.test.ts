// @vitest-environment jsdom
/**
 * A dialog's first field takes the keyboard when the open animation ends, unless the clerk has
 * already started typing somewhere in it (a fast typist, a card reader): the walk-in CI run caught
 * a name typed into the 身份证号 field because the focus came back after the animation.
 */
import { describe, expect, it } from 'vitest';
import { focusUnlessTyping } from '../../renderer/src/components/forms';

function field(tag: 'input' | 'textarea' = 'input') {
  const el = document.createElement(tag);
  document.body.append(el);
  return el;
}

describe('focusUnlessTyping', () => {
  it('takes the keyboard when nobody is typing', () => {
    const id = field();
    (document.activeElement as HTMLElement | null)?.blur();
    focusUnlessTyping(id);
    expect(document.activeElement).toBe(id);
  });

  it('leaves it where the clerk is typing, in an input or a textarea', () => {
    const id = field();
    for (const tag of ['input', 'textarea'] as const) {
      const name = field(tag);
      name.focus();
      focusUnlessTyping(id);
      expect(document.activeElement).toBe(name);
    }
  });
});
