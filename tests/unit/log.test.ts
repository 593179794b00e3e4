import { describe, expect, it } from 'vitest';
import { errorText } from '../../main/log';

describe('errors in the log', () => {
  it('keep their kind and shape but not the personal data an engine message may echo', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"idNumber": "11010519491231002X", "phone": "13800138000"');
    } catch (e) {
      parseError = e;
    }
    const text = errorText(parseError);
    expect(text).toMatch(/^SyntaxError: /);
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('13800138000');
    expect(errorText(new Error('UNIQUE constraint failed: residents.id_rev for 11010519491231002x'))).toBe('Error: UNIQUE constraint failed: residents.id_rev for #');
    expect(errorText(new TypeError("Cannot read properties of undefined (reading '张三')"))).toBe("TypeError: Cannot read properties of undefined (reading '…')");
    expect(errorText('just a string')).toBe('string');
  });
});
