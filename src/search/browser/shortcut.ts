/**
 * The `/` shortcut to the search box, shared by the reading pages' script and the search page's own
 * (which the reading script does not load: the search page has no passages to mark or copy).
 */

/** Makes `/` focus and select the page's search box, unless the reader is typing somewhere. */
export function focusSearchOnSlash(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select');
    if (typing || (event.target instanceof HTMLElement && event.target.isContentEditable)) return;
    const box = document.querySelector<HTMLInputElement>('[data-search-input]');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
