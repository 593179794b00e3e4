/**
 * Where the keyboard goes when a clerk enters an area or a tab (by key or by click): to
 * where the work starts there — the search box, the resident picker, the first field —
 * so typing a name lands at once and Ctrl+A selects that box, not the page.
 *
 * A page marks that element with WORK_START; a page that places the focus itself (a form's
 * autoFocus, the 受理 steps) is left alone; an area with neither holds the focus on its
 * title, never on the menu or the body. Pages mount lazily and tabs load their data, so the
 * request waits (a while, watching the page's DOM) until the element is there. The shell
 * frames each area's page in an element carrying data-area.
 */
const ATTR = 'data-work-start';
const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Spread on the element where an area's or a tab's work starts: `<Input {...WORK_START} />`. */
export const WORK_START: { readonly [ATTR]: '' } = { [ATTR]: '' };

/** How long a request waits for a slow page before giving up (a page that never marks one). */
const PATIENCE_MS = 4000;

let root: HTMLElement | null = null;
/** the area asked for: until its page is shown, the one being left must not count */
let wanted: string | null = null;
let until = 0;
let observer: MutationObserver | null = null;

function visible(el: Element): el is HTMLElement {
  return el instanceof HTMLElement && el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"], .ant-tabs-tabpane-hidden') && !(el as HTMLInputElement).disabled;
}

/** The title and the tab strip only show the way: focus resting there still needs to move on. */
function wayfinding(el: Element, page: Element): boolean {
  return el === page.querySelector('.sd-page-title') || el.closest('.ant-tabs-nav') !== null;
}

function stop(): void {
  until = 0;
  observer?.disconnect();
  observer = null;
}

/** One try: true when the keyboard is where the work starts (or the page put it somewhere itself). */
function place(): boolean {
  const frame = root?.querySelector(wanted === null ? '[data-area]' : `[data-area="${wanted}"]`);
  const page = frame?.querySelector('.sd-page');
  if (!page) return false;
  const active = document.activeElement;
  if (active && page.contains(active) && !wayfinding(active, page)) return true;
  // a dialog the page opened (a form, a preview) keeps the keyboard it took
  if (active && active !== document.body && !root!.contains(active) && active.closest('.ant-modal-root, .ant-drawer')) return true;
  const panes = page.querySelectorAll('.ant-tabs-tabpane-active');
  const scope = panes.length > 0 ? panes[panes.length - 1]! : page;
  const marked = Array.from(scope.querySelectorAll(`[${ATTR}]`)).find(visible);
  // a marked wrapper (antd's Select puts props on its outer box) hands the focus to its field
  const target = marked && (marked.matches(FOCUSABLE) ? marked : marked.querySelector<HTMLElement>(FOCUSABLE));
  if (target) {
    target.focus();
    return document.activeElement === target;
  }
  const title = page.querySelector<HTMLElement>('.sd-page-title');
  if (title && active !== title) title.focus({ preventScroll: true });
  return false;
}

function attempt(): void {
  if (performance.now() > until) stop();
  else if (place()) stop();
}

/** Move the keyboard to where the work starts in the area or tab just entered. */
export function requestWorkFocus(area?: string): void {
  if (!root) return;
  wanted = area ?? null;
  until = performance.now() + PATIENCE_MS;
  if (!observer) {
    observer = new MutationObserver(attempt);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'disabled'] });
  }
  // after this render has reached the DOM
  requestAnimationFrame(attempt);
}

/** The shell's content element, inside which requests look; a click anywhere means the clerk chose for themselves. */
export function attachWorkFocus(el: HTMLElement): () => void {
  root = el;
  const clicked = () => stop();
  window.addEventListener('pointerdown', clicked, true);
  return () => {
    window.removeEventListener('pointerdown', clicked, true);
    stop();
    if (root === el) root = null;
  };
}

/** A dialog or drawer owns the keyboard: area and tab keys wait. */
export function dialogOpen(): boolean {
  if (document.querySelector('.ant-drawer-open')) return true;
  return Array.from(document.querySelectorAll('.ant-modal-wrap')).some((el) => getComputedStyle(el).display !== 'none');
}
