/**
 * What the identity and phone checks cost per call (an import of many rows pays it per row):
 * checkPhone on valid and invalid numbers (an invalid one also works out which block, area
 * code or length is wrong), checkIdNumber, and the first load of the GB/T 2260 table.
 * Beside them, the hand-written pattern the phone check replaced.
 */
import { checkIdNumber } from '../common/idcard';
import { idNotes, loadIdTables } from '../common/id-data';
import { checkPhone } from '../common/phone';
import { median, report, type Figure } from './lib';

const RUNS = 2000;

function perCall(f: () => unknown, runs = RUNS): number {
  for (let i = 0; i < 50; i++) f();
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (let i = 0; i < runs; i++) f();
    samples.push(((performance.now() - t) / runs) * 1000);
  }
  return median(samples);
}

function firstCall(f: () => unknown): number {
  const t = performance.now();
  f();
  return (performance.now() - t) * 1000;
}

const OLD_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

const t0 = performance.now();
const tables = await loadIdTables();
const loadMs = performance.now() - t0;
const id = checkIdNumber('11010519491231002X', '2026-11-27');
if (!id.ok) throw new Error('sample id refused');

const figures: Record<string, Figure> = {
  phone_mobile_valid_us: { value: perCall(() => checkPhone('13812345678')), unit: 'µs' },
  phone_landline_valid_us: { value: perCall(() => checkPhone('0311-86012345')), unit: 'µs' },
  phone_plus86_landline_us: { value: perCall(() => checkPhone('+86 10 6234 5678')), unit: 'µs' },
  phone_unallocated_block_first_us: { value: firstCall(() => checkPhone('14012345678')), unit: 'µs', note: 'error path, first time: finds the block' },
  phone_unallocated_block_us: { value: perCall(() => checkPhone('14012345678')), unit: 'µs', note: 'error path, block remembered' },
  phone_unknown_area_first_us: { value: firstCall(() => checkPhone('0300-6234567')), unit: 'µs', note: 'error path, first time: finds no length' },
  phone_unknown_area_us: { value: perCall(() => checkPhone('0300-6234567')), unit: 'µs', note: 'error path, area remembered' },
  phone_old_pattern_us: { value: perCall(() => OLD_PATTERN.test('0311-86012345')), unit: 'µs', note: 'the replaced regex' },
  idnumber_check_us: { value: perCall(() => checkIdNumber('11010519491231002X', '2026-11-27')), unit: 'µs' },
  idnumber_region_lookup_us: { value: perCall(() => idNotes(id, tables)), unit: 'µs' },
  gb2260_first_load_ms: { value: loadMs, unit: 'ms', note: 'import + unpack of the table' },
};
report('idphone', figures);
