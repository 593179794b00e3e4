/**
 * Malformed inputs made from a call's zod input schema: a plausible value (zod-walk.ts's
 * sample) bent one way — a wrong type, a huge string, deep nesting, prototype-pollution keys, a
 * lone surrogate, a bidi override, NaN/Infinity, extra keys — or a body that is not the shape
 * at all. Each is the exact body text sent, so keys like __proto__ survive.
 */
import type * as z from 'zod';
import { sample, type Rng } from '../zod-walk';

export const MUTATIONS = ['wrongType', 'hugeString', 'deepNesting', 'protoKeys', 'surrogate', 'bidi', 'numberStrings', 'extraKeys', 'garbageBody', 'asSampled'] as const;
export type Mutation = (typeof MUTATIONS)[number];

type Path = (string | number)[];

function leaves(v: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []): { path: Path; value: unknown }[] {
  if (v && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    if (entries.length === 0 && path.length > 0) out.push({ path, value: v });
    for (const [k, x] of entries) leaves(x, [...path, k], out);
  } else if (path.length > 0) out.push({ path, value: v });
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const base = (root && typeof root === 'object' ? root : {}) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  base[head] = setAt(base[head], rest, value);
  return base;
}

function deep(depth: number, r: Rng): string {
  const [open, close] = r.chance(0.5) ? ['[', ']'] : ['{"a":', '}'];
  return open.repeat(depth) + '1' + close.repeat(depth);
}

const WRONG_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53, '', '0', [], [[]], {}, { length: 1 }, 'undefined', 'null', 'true'];
const NUMBER_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', ' 1', '1_000', '١٢'];
const BAD_TEXT = ['\uD800', '\uDFFF', 'a\uD83D', '\u202Eevil', '\u2066x\u2069', '\u200F', '\u0000', '\u001B[31m', '\u0085', '\uFFFD', '\uFEFF'];
const GARBAGE = ['', 'null', '[]', '"x"', '{', '{"a":', 'nan', '1e309', '\u0000', '\uFEFF{}', '{"__proto__":null}', '[' + '1,'.repeat(5000) + '1]', 'true', '{}{}', '{"a":1,"a":2}'];

/** One malformed body for a call: what kind of damage, and the exact JSON text. */
export function malformedBody(schema: z.ZodType, mutation: Mutation, r: Rng): string {
  const base = sample(schema, r) ?? {};
  const ls = leaves(base);
  const pickLeaf = (pred: (v: unknown) => boolean = () => true) => {
    const ok = ls.filter((l) => pred(l.value));
    return ok.length ? r.pick(ok).path : ls.length ? r.pick(ls).path : [r.pick(['name', 'id', 'q', 'x'])];
  };
  switch (mutation) {
    case 'wrongType':
      return JSON.stringify(setAt(base, pickLeaf(), r.pick(WRONG_VALUES)));
    case 'hugeString':
      return JSON.stringify(setAt(base, pickLeaf((v) => typeof v === 'string'), '王'.repeat(r.pick([1_000, 100_000, 1_000_000]))));
    case 'deepNesting': {
      const marker = '"__DEEP__"';
      const text = JSON.stringify(setAt(base, pickLeaf(), '__DEEP__'));
      return text.replace(marker, deep(r.pick([64, 1_000, 20_000]), r));
    }
    case 'protoKeys': {
      const text = JSON.stringify(base);
      const evil = r.pick(['"__proto__":{"polluted":"yes","isAdmin":true,"role":"admin"}', '"constructor":{"prototype":{"polluted":"yes"}}', '"__proto__":{"__proto__":{"polluted":"yes"}}', '"prototype":{"polluted":"yes"}', '"toString":"x","valueOf":1,"hasOwnProperty":"x"']);
      return text === '{}' ? `{${evil}}` : text.startsWith('{') ? `{${evil},${text.slice(1)}` : `{${evil}}`;
    }
    case 'surrogate':
    case 'bidi': {
      const bad = mutation === 'surrogate' ? r.pick(BAD_TEXT.slice(0, 3)) : r.pick(BAD_TEXT.slice(3));
      const path = pickLeaf((v) => typeof v === 'string');
      const cur = ls.find((l) => l.path === path)?.value;
      const s = typeof cur === 'string' ? cur : '王五';
      return JSON.stringify(setAt(base, path, s.slice(0, 1) + bad + s.slice(1)));
    }
    case 'numberStrings': {
      const path = pickLeaf((v) => typeof v === 'number');
      const text = JSON.stringify(setAt(base, path, '__NUM__'));
      // sometimes the JSON number itself: 1e309 parses to Infinity, -0 stays -0
      return r.chance(0.3) ? text.replace('"__NUM__"', r.pick(['1e309', '-1e309', '-0', '1e-400', '123456789012345678901234567890'])) : text.replace('"__NUM__"', JSON.stringify(r.pick(NUMBER_STRINGS)));
    }
    case 'extraKeys': {
      const extra: Record<string, unknown> = {};
      for (let i = 0; i < 1 + r.int(4); i++) extra[r.pick(['extra', 'role', 'actorId', 'isAdmin', 'id', 'caller', '$where', 'x'.repeat(300)])] = r.pick(WRONG_VALUES);
      return JSON.stringify(base && typeof base === 'object' && !Array.isArray(base) ? { ...base, ...extra } : extra);
    }
    case 'garbageBody':
      return r.pick(GARBAGE);
    case 'asSampled':
      return JSON.stringify(base);
  }
}
