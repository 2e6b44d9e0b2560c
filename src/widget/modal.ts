/**
 * Keyboard helpers of the modal mode: the shortcuts that open it, and Tab kept inside it.
 */

/** The key event happens in a field the reader types in, where `/` is a character. */
function inField(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * Ctrl+K, ⌘+K or `/`, outside text fields. By key position too, so that they work with an
 * Arabic keyboard layout (where these keys type ن and ظ).
 */
export function isOpenShortcut(event: KeyboardEvent): boolean {
  if (event.altKey || event.defaultPrevented || inField(event)) return false;
  const modified = event.ctrlKey || event.metaKey;
  if (modified) return event.key.toLowerCase() === 'k' || event.code === 'KeyK';
  return event.key === '/' || (event.code === 'Slash' && !event.shiftKey);
}

/** What the shortcut hint on the trigger says: ⌘K on Apple systems, Ctrl K elsewhere. */
export const shortcutHint = (): string => (/Mac|iP/.test(navigator.platform) ? '⌘K' : 'Ctrl K');

/** Tab from the last control of `container` goes to the first, Shift+Tab from the first to the last. */
export function trapTab(event: KeyboardEvent, container: HTMLElement, active: Element | null): void {
  if (event.key !== 'Tab') return;
  const controls = [...container.querySelectorAll<HTMLElement>('button,input,select,a[href]')].filter(
    (control) => control.tabIndex >= 0 && !control.matches(':disabled') && control.getClientRects().length > 0,
  );
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  if (active === (event.shiftKey ? first : last) || !controls.includes(active as HTMLElement)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}
