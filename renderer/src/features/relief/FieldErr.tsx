/** main's message for one field, shown under it (the contract's path, e.g. members.1.employment). */
export type FieldErrors = Record<string, string>;

export function FieldErr({ errors, at }: { errors: FieldErrors; at: string }) {
  const msg = errors[at];
  if (!msg) return null;
  return (
    <div className="sd-field-error" role="alert" data-testid={`relief-err-${at}`}>
      {msg}
    </div>
  );
}

/** The first error under a prefix (members.1.incomes.0.amount belongs to members.1). */
export function errorsUnder(errors: FieldErrors, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
    .map(([, v]) => v);
}
