/**
 * What the preload puts on window.station: one function per contract call and
 * nothing else, so the page can never name an arbitrary IPC channel.
 */
import { CALL_NAMES, channelOf, type CallInput, type CallName, type CallOutput } from './contract';
import type { Envelope } from './errors';

export const BRIDGE_KEY = 'station';

export type StationBridge = { [N in CallName]: (input: CallInput<N>) => Promise<Envelope<CallOutput<N>>> };

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

export function buildBridge(invoke: Invoke): StationBridge {
  const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    const channel = channelOf(name);
    bridge[name] = (input) => invoke(channel, input);
  }
  // The envelope's shape is guaranteed by main/dispatch.ts on the other side of the channel.
  return Object.freeze(bridge) as unknown as StationBridge;
}
