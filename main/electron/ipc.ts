/**
 * The Electron transport (DESIGN.md §3): one ipcMain.handle per contract call, each
 * checking the sender before handing off to the shared dispatch.
 */
import { ipcMain, type WebFrameMain } from 'electron';
import { CALL_NAMES, channelOf } from '../../common/contract';
import type { Envelope } from '../../common/errors';
import { dispatch, type StationCalls } from '../dispatch';
import { log } from '../log';
import { isTrustedIpcSender } from './policy';

const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };

/**
 * mainFrame: our window's main frame now (null while there is no window). A call is honoured
 * only from that very frame showing our page (policy.ts isTrustedIpcSender).
 * Returns a function that removes the handlers again (tests, or a window being rebuilt).
 */
export function registerIpc(station: StationCalls, mainFrame: () => WebFrameMain | null): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown) => {
      if (!isTrustedIpcSender(event.senderFrame, mainFrame())) {
        log.warn('ipc refused: untrusted sender', { call: name });
        return FORBIDDEN;
      }
      return dispatch(station, name, input);
    });
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}
