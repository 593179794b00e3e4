import { BRIDGE_KEY, type StationBridge } from '../../common/bridge';
import { CALL_NAMES } from '../../common/contract';
import { dispatch } from '../../main/dispatch';

/** What antd asks of a browser that jsdom does not have. */
export function stubMatchMedia(): void {
  // antd's grid and tables ask for media queries; jsdom has none
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}

/** antd in jsdom: media queries, and getComputedStyle without the pseudo-element jsdom does not implement. */
export function stubBrowser(): void {
  stubMatchMedia();
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (el: Element) => computed(el);
}

/** The renderer's bridge (window.station in Electron) as main's dispatch over a real station. */
export function bridgeTo(calls: Parameters<typeof dispatch>[0]): void {
  const bridge = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => dispatch(calls, name, input)]));
  window[BRIDGE_KEY] = bridge as unknown as StationBridge;
}
