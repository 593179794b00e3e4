import * as z from 'zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { call, mergeParts, none } from '../../common/contract-kit';
import { CALL_NAMES, contract, type CallName } from '../../common/contract';

describe('contract parts', () => {
  it('merge into one contract, and a call named in two parts is refused by name', () => {
    const a = { 'a.one': call(none, z.string(), 'signedIn') };
    const b = { 'b.two': call(none, z.number(), 'signedIn') };
    const both = mergeParts(a, b);
    expect(Object.keys(both)).toEqual(['a.one', 'b.two']);
    expectTypeOf(both['b.two'].output).toEqualTypeOf(b['b.two'].output);
    expect(() => mergeParts(a, b, { 'a.one': call(none, z.boolean(), 'signedIn') })).toThrow('contract call named twice: a.one');
  });

  it('keeps the station contract precise: each call name is its own literal, none lost', () => {
    expectTypeOf<'residents.create'>().toExtend<CallName>();
    expectTypeOf<string>().not.toExtend<CallName>();
    expect(CALL_NAMES).toContain('intake.accept');
    expect(CALL_NAMES).toContain('auth.signIn');
    expect(new Set(CALL_NAMES).size).toBe(Object.keys(contract).length);
  });
});
