/**
 * Reading the contract's zod schemas as data: where the string fields are (for the text-rule
 * test) and what a plausible value of a schema looks like (the fuzz run's starting point).
 * Shared by tests/unit/contract-text.test.ts, tests/helpers/fuzz.ts and bench/fuzz.ts.
 */
import type * as z from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  defaultValue?: unknown;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
}

export function defOf(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema a pipe starts from (a transform's input is its pipe's `in`). */
function pipeStart(s: z.ZodType): z.ZodType {
  let cur = s;
  while (defOf(cur).type === 'pipe') cur = defOf(cur).in!;
  return cur;
}

export interface StringLeaf {
  /** e.g. "station.name", "items[].id" */
  path: string;
  /** the field's whole schema: the string with its checks, transforms and refinements */
  schema: z.ZodType;
}

/**
 * Every field of a schema whose value starts as a string. A construct this walk does not
 * know is an error: a new kind of schema must be taught here rather than skipped.
 */
export function stringLeaves(schema: z.ZodType, path = ''): StringLeaf[] {
  const d = defOf(schema);
  switch (d.type) {
    case 'string':
      return [{ path, schema }];
    case 'pipe': {
      if (defOf(pipeStart(schema)).type === 'string') return [{ path, schema }];
      return stringLeaves(d.in!, path);
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return stringLeaves(d.innerType!, path);
    case 'object':
      return Object.entries(d.shape!).flatMap(([k, v]) => stringLeaves(v, path ? `${path}.${k}` : k));
    case 'array':
      return stringLeaves(d.element!, `${path}[]`);
    case 'union':
      return d.options!.flatMap((o, i) => stringLeaves(o, `${path}|${i}`));
    case 'intersection':
      return [...stringLeaves(d.left!, path), ...stringLeaves(d.right!, path)];
    case 'tuple':
      return d.items!.flatMap((o, i) => stringLeaves(o, `${path}[${i}]`));
    case 'record':
      return [...stringLeaves(d.keyType!, `${path}{key}`), ...stringLeaves(d.valueType!, `${path}{}`)];
    case 'number':
    case 'int':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'undefined':
    case 'nan':
      return [];
    default:
      throw new Error(`stringLeaves: schema kind "${d.type}" at "${path}" is not known to the walk`);
  }
}

/** Values that pass common field rules: the first one a field accepts is its "good" sample. */
export const GOOD_STRINGS = [
  '王五',
  '建北街道中山东路 12 号',
  'abc',
  'admin',
  'DB-001',
  '0190a5a0-0000-7000-8000-000000000000',
  '2026-01-02',
  '2026-12',
  '2026-11-27T09:00:00+08:00',
  '11010519491231002X',
  '13800138000',
  '0311-86012345',
  '130102001',
  'http://127.0.0.1:9',
  'a.xlsx',
  'a.json',
  'Abc12345xyz',
  'ABCD2345EFGH',
  'QUJD',
  '国务院办公厅关于2027年部分节假日安排的通知',
];

/** The first of GOOD_STRINGS the schema accepts, or null. */
export function goodStringFor(schema: z.ZodType): string | null {
  for (const s of GOOD_STRINGS) if (schema.safeParse(s).success) return s;
  return null;
}

/** Inserts `bad` after the first character (code point) of `s`: keeps prefixes and suffixes a pattern may look at. */
export function insertAfterFirst(s: string, bad: string): string {
  const first = [...s][0] ?? '';
  return first + bad + s.slice(first.length);
}

/** A small seeded generator (mulberry32): the same seed, the same run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

/**
 * A plausible value of a schema: objects with every field, strings from GOOD_STRINGS that the
 * field accepts, the first enum value, small numbers. Not always valid (cross-field rules), which
 * is fine for its use: the start a mutation departs from.
 */
export function sample(schema: z.ZodType, r: Rng, depth = 0): unknown {
  const d = defOf(schema);
  if (depth > 8) return undefined;
  switch (d.type) {
    case 'string':
    case 'pipe': {
      if (defOf(pipeStart(schema)).type !== 'string') return sample(d.in!, r, depth + 1);
      return goodStringFor(schema) ?? r.pick(GOOD_STRINGS);
    }
    case 'optional':
      return r.chance(0.5) ? undefined : sample(d.innerType!, r, depth + 1);
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return sample(d.innerType!, r, depth + 1);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape!)) {
        const x = sample(v, r, depth + 1);
        if (x !== undefined) out[k] = x;
      }
      return out;
    }
    case 'array':
      return r.chance(0.3) ? [] : [sample(d.element!, r, depth + 1)];
    case 'union':
      return sample(r.pick(d.options!), r, depth + 1);
    case 'intersection':
      return { ...(sample(d.left!, r, depth + 1) as object), ...(sample(d.right!, r, depth + 1) as object) };
    case 'tuple':
      return d.items!.map((x) => sample(x, r, depth + 1));
    case 'record':
      return {};
    case 'number':
    case 'int':
      return r.pick([1, 2, 5, 20]);
    case 'boolean':
      return r.chance(0.5);
    case 'enum':
      return r.pick(Object.values(d.entries!));
    case 'literal':
      return d.values![0];
    case 'null':
      return null;
    default:
      return undefined;
  }
}
