/**
 * The Electron transport (DESIGN.md §3): one ipcMain.handle per contract call, each
 * checking the sender before handing off to the shared dispatch.
 */
import { ipcMain, type WebFrameMain } from 'electron';
import { CALL_NAMES, channelOf } from '../../common/contract';
import type { Envelope } from '../../common/errors';
import { dispatch, type StationCalls } from '../dispatch';
import { log } from '../log';
import { isTrustedSenderUrl } from '../security';

const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };

/** A frame that has been destroyed or navigated away has no say. */
export function isOwnFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && !frame.isDestroyed() && isTrustedSenderUrl(frame.url);
}

/** Returns a function that removes the handlers again (tests, or a window being rebuilt). */
export function registerIpc(station: StationCalls, isTrustedSender: (frame: WebFrameMain | null) => boolean = isOwnFrame): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
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
