import { describe, expect, it } from 'vitest';
import { maskPersonName } from '../../common/person-name';

describe('maskPersonName', () => {
  it('keeps the first and last character, a rare character counted once', () => {
    expect(maskPersonName('张建华')).toBe('张*华');
    expect(maskPersonName('欧阳建华')).toBe('欧**华');
    expect(maskPersonName('李娜')).toBe('李*');
    expect(maskPersonName('𠮷𪚥𠀀')).toBe('𠮷*𠀀');
    expect(maskPersonName('𠀀𪚥')).toBe('𠀀*');
    expect(maskPersonName(' 张三 ')).toBe('张*');
  });

  it('shows nothing of a one-character name', () => {
    expect(maskPersonName('李')).toBe('*');
    expect(maskPersonName('𪚥')).toBe('*');
    expect(maskPersonName('')).toBe('*');
  });

  it('changes nothing when applied again', () => {
    for (const n of ['张建华', '欧阳建华', '李娜', '李', '𠮷𪚥𠀀', '王𪚥军']) {
      const once = maskPersonName(n);
      expect(maskPersonName(once)).toBe(once);
    }
  });
});
