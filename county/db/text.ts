/**
 * PostgreSQL text holds neither NUL nor a lone UTF-16 surrogate (a JSON "\u0000" or "\ud800"
 * cannot become text either). A station or a form can send both; left alone they turn an
 * INSERT into a 500, and a push that fails every time would block that station's queue for
 * ever. Free text is therefore cleaned (U+FFFD) on its way in; what a hash covers is never
 * cleaned — an event whose hashed fields need it is refused as INVALID instead.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function storable(s: string): boolean {
  UNSTORABLE.lastIndex = 0;
  return !UNSTORABLE.test(s);
}

export function pgText(s: string): string {
  return s.replace(UNSTORABLE, '\ufffd');
}

/** A JSON parameter for json_to_recordset: every string value cleaned (JSON texts themselves are already plain ASCII escapes). */
export function pgJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? pgText(v) : v));
}

export function cleanParams(params: readonly unknown[]): unknown[] {
  return params.map((p) => (typeof p === 'string' ? pgText(p) : p));
}
