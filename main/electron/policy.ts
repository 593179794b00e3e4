/**
 * The Electron window's rules as plain functions (issue 8 item 11), so they are tested without
 * the Electron binary: window.ts, ipc.ts and app.ts only wire them to Electron's events. No
 * 'electron' import here.
 */
import { APP_ORIGIN, isAllowedNavigation, isTrustedSenderUrl } from '../security';

/** The id of Chromium's built-in PDF viewer, which shows the preview's blob: PDF in its iframe. */
const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

export interface WindowPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  webviewTag: false;
  spellcheck: false;
  devTools: boolean;
  plugins: boolean;
}

/**
 * devTools only in a development run: a packaged build at a counter has no use for them, and
 * they would let anyone at the keyboard call main as the signed-in clerk.
 *
 * plugins stays on: the document preview (renderer/src/components/DocumentPreview.tsx) shows
 * each printed form as a blob: PDF in an iframe, and Electron shows a PDF only through
 * Chromium's built-in viewer, which `plugins` switches on; it is the only plugin Electron has
 * (no NPAPI, no Flash). Without it the preview would be blank or turn into a download.
 */
export function windowPreferences(opts: { preloadPath: string; packaged: boolean }): WindowPreferences {
  return {
    preload: opts.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
    devTools: !opts.packaged,
    plugins: true,
  };
}

/** A blob: URL our own page made (blob:app://station/<uuid>). */
function isOwnBlob(url: string): boolean {
  if (!url.startsWith('blob:')) return false;
  return isAllowedNavigation(url.slice('blob:'.length)) && url.slice('blob:'.length).startsWith(`${APP_ORIGIN}/`);
}

/**
 * will-frame-navigate: the main frame stays on our page; a subframe may show our page, a PDF
 * our page made (the preview), or the PDF viewer that shows it. Nothing else loads anywhere.
 */
export function isAllowedFrameNavigation(url: string, isMainFrame: boolean): boolean {
  if (isAllowedNavigation(url)) return true;
  if (isMainFrame) return false;
  return url === 'about:blank' || isOwnBlob(url) || url.startsWith(`${PDF_VIEWER_ORIGIN}/`);
}

/**
 * will-download: only files our own page hands over as a blob (the 台账 and audit exports, the
 * import template), which Electron then offers in a save dialog. A download of anything else
 * (a link to the web, a file:, a data: URL planted in a name) is cancelled.
 */
export function isAllowedDownload(url: string): boolean {
  return isOwnBlob(url);
}

/**
 * setWindowOpenHandler: no window ever opens inside the app. The one link the page may hand
 * to the PC's own browser is the hall screen's (微心愿 → 设置 → 大厅显示屏), on the lobby
 * host's loopback origin and its /lobby/ path: nothing else, not even that host's other paths.
 * Returns the address to open, or null.
 */
export function lobbyLinkToOpen(url: string, lobbyOrigin: string | null): string | null {
  if (!lobbyOrigin) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const ok = parsed.protocol === 'http:' && parsed.origin === lobbyOrigin && parsed.hostname === '127.0.0.1' && parsed.pathname === '/lobby/' && parsed.username === '' && parsed.password === '';
  // the parsed form is what is opened: the very address that was checked, not the page's string
  return ok ? parsed.href : null;
}

/** The parts of Electron's WebFrameMain the IPC check reads. */
export interface FrameLike {
  readonly url: string;
  isDestroyed(): boolean;
}

/**
 * An IPC call is honoured only from our window's main frame while it shows our page: not from
 * a subframe (the PDF preview, anything an attacker manages to frame), not from a frame that
 * has navigated elsewhere or been destroyed, not from another window.
 */
export function isTrustedIpcSender(sender: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!sender || !mainFrame || sender !== mainFrame) return false;
  return !sender.isDestroyed() && isTrustedSenderUrl(sender.url);
}
