/** Keyboard helpers of the 代办 area. */

/** A dialog or drawer (document preview, action form, 登记新居民) is open: it owns the keyboard, page shortcuts wait. */
export function dialogOpen(): boolean {
  if (document.querySelector('.ant-drawer-open')) return true;
  return Array.from(document.querySelectorAll('.ant-modal-wrap')).some((el) => getComputedStyle(el).display !== 'none');
}
