/**
 * Under the 身份证号 field: the document the number is from, what it says (sex, birth date,
 * age, a 永居证's nationality) and the warnings that do not refuse it (an address code that
 * is not in GB/T 2260, an unknown nationality code). The tables load on first use
 * (common/id-data.ts), so the form shows the structural facts at once and the notes a moment later.
 */
import { useEffect, useState } from 'react';
import { ageOn, checkIdNumber, ID_DOC_TYPE_LABELS, SEX_LABELS } from '../../../../common/idcard';
import { idNotes, loadIdTables, type IdNotes } from '../../../../common/id-data';
import * as S from './strings';
import * as SI from './strings-id';

export function IdNumberNotes({ idNumber, today }: { idNumber: string; today: string }) {
  const id = checkIdNumber(idNumber, today);
  const [notes, setNotes] = useState<{ idNumber: string; notes: IdNotes } | null>(null);
  const okNumber = id.ok ? id.idNumber : null;

  useEffect(() => {
    if (!okNumber) return;
    let live = true;
    void loadIdTables().then((t) => {
      const r = checkIdNumber(okNumber, today);
      if (live && r.ok) setNotes({ idNumber: okNumber, notes: idNotes(r, t) });
    });
    return () => {
      live = false;
    };
  }, [okNumber, today]);

  if (!id.ok) return null;
  const n = notes?.idNumber === id.idNumber ? notes.notes : null;
  const facts = S.F_ID_DERIVED(SEX_LABELS[id.sex], id.birthDate, ageOn(id.birthDate, today));
  const nationality = n?.nationality ? ` · ${SI.ID_NATIONALITY(n.nationality)}` : '';
  return (
    <>
      <span className="sd-res-derived" data-testid="resident-form-derived">
        {id.docType === 'resident' ? facts : `${ID_DOC_TYPE_LABELS[id.docType]} · ${facts}${nationality}`}
      </span>
      {n?.warnings.map((w) => (
        <div key={w} className="sd-res-warn" data-testid="resident-form-id-warning">
          {w}
        </div>
      ))}
    </>
  );
}
