/** The 节假日安排 tab's one way to main: the years and loading a notice file. */
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../../common/contract';
import { MAX_NOTICE_CHARS } from '../../../../common/contracts/calendar';
import { api } from '../../api';
import * as C from './calendar-strings';

export type CalendarYears = CallOutput<'calendar.years'>;
export type LoadResult = CallOutput<'calendar.load'>;

export function useCalendarYears() {
  const [data, setData] = useState<CalendarYears | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    setError(null);
    try {
      setData(await api['calendar.years']({}));
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}

/** Reads the chosen file here and hands main its text; main checks everything. */
export async function loadNoticeFile(file: File, year: number | undefined, requestId: string): Promise<LoadResult> {
  // a notice is a few kilobytes: a big file is refused before it is read
  if (file.size > MAX_NOTICE_CHARS * 4) throw new Error(C.TOO_BIG);
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new Error(C.READ_FAILED);
  }
  return api['calendar.load']({ requestId, fileName: file.name, text, ...(year === undefined ? {} : { year }) });
}
