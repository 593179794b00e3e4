// @vitest-environment jsdom
/**
 * The renderer's half of idle sign-out (issue 8): main counts only auth.activity, so the
 * renderer must report the clerk's input and nothing a script makes up. jsdom's events are
 * untrusted, as a page script's would be: they must not reach main. The bridge is a real
 * station through main's dispatch.
 */
import { cleanup, render } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_KEY, type StationBridge } from '../../common/bridge';
import { CALL_NAMES } from '../../common/contract';
import { dispatch } from '../../main/dispatch';
import { INPUT_EVENTS, useSessionWatch } from '../../renderer/src/stores/session-watch';
import { setUpStation } from '../helpers/station';

let station: Awaited<ReturnType<typeof setUpStation>>;
const activityCalls: number[] = [];

beforeAll(async () => {
  station = await setUpStation();
  const bridge = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      (input: unknown) => {
        if (name === 'auth.activity') activityCalls.push(Date.now());
        return dispatch(station.calls, name, input);
      },
    ]),
  );
  window[BRIDGE_KEY] = bridge as unknown as StationBridge;
});
afterAll(() => {
  cleanup();
  station.close();
});

function Watcher() {
  useSessionWatch(true);
  return null;
}

describe('activity the renderer reports', () => {
  it('reports once when the session screen opens, and never for events a script dispatches', async () => {
    render(<Watcher />);
    expect(activityCalls).toHaveLength(1);
    // past the 30 s throttle, a made-up event would be reported if it counted
    activityCalls.length = 0;
    const realNow = Date.now;
    Date.now = () => realNow() + 60_000;
    try {
      for (const type of INPUT_EVENTS) window.dispatchEvent(new Event(type, { bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
      expect(activityCalls).toHaveLength(0);
    } finally {
      Date.now = realNow;
    }
    expect(INPUT_EVENTS).toEqual(expect.arrayContaining(['keydown', 'pointerdown']));
  });
});
