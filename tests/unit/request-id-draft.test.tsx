// @vitest-environment jsdom
/**
 * The counter's intake form keeps one request id until main has answered it: an answer
 * lost on the way back (the service restarted, a cable pulled) and the clerk pressing
 * 受理 again gives back the item already accepted, not a second receipt number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_KEY, type StationBridge } from '../../common/bridge';
import { CALL_NAMES } from '../../common/contract';
import { dispatch } from '../../main/dispatch';
import { useDraft } from '../../renderer/src/features/intake/draft';
import { setUpStation } from '../helpers/station';

let station: Awaited<ReturnType<typeof setUpStation>>;
/** when set, the next intake.accept reaches main and its answer is lost */
let loseNextAcceptAnswer = false;

beforeAll(async () => {
  station = await setUpStation();
  const bridge = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        const env = await dispatch(station.calls, name, input);
        if (name === 'intake.accept' && loseNextAcceptAnswer) {
          loseNextAcceptAnswer = false;
          throw new Error('connection lost');
        }
        return env;
      },
    ]),
  );
  window[BRIDGE_KEY] = bridge as unknown as StationBridge;
});

afterAll(() => station.close());

describe('the intake form and its request id', () => {
  it('repeats the same request after a lost answer, and makes a new one after a success', async () => {
    await station.client['residents.create']({ name: '张堃', idNumber: '11010519491231002X' });
    // the form holds the resident as the picker gives them
    const resident = (await station.client['residents.search']({ q: '张堃' })).items[0]!;
    const item = await station.client['catalogue.get']({ code: 'DB-003' });
    const draft = useDraft.getState();
    draft.pickResident(resident);
    draft.pickItem(item);
    useDraft.getState().setAll(true);
    const first = useDraft.getState().requestId;

    loseNextAcceptAnswer = true;
    await useDraft.getState().accept();
    expect(useDraft.getState().outcome).toBeNull();
    expect(useDraft.getState().errors.form).toMatch(/无法连接/);
    expect(useDraft.getState().requestId).toBe(first);

    await useDraft.getState().accept();
    const outcome = useDraft.getState().outcome;
    expect(outcome?.kind).toBe('accepted');
    const records = await station.client['intake.list']({ view: 'all' });
    expect(records).toHaveLength(1);
    expect(outcome?.kind === 'accepted' && outcome.record.id).toBe(records[0]!.id);
    // the next intake is a new request
    expect(useDraft.getState().requestId).not.toBe(first);
    await station.client['documents.listFor']({ entity: 'intake', entityId: records[0]!.id });
  });
});
