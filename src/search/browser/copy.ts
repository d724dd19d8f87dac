/**
 * Copy buttons and passage-link copying. Progressive enhancement: without this script the
 * citations stay selectable text, the copy buttons stay hidden and a passage's ¶ is a plain link.
 *
 * - `button[data-copy=ID][hidden]` is revealed; a click copies the text of element #ID (and its
 *   HTML too, for `data-rich` elements, so that titles stay italic when pasted into a document).
 * - `a[data-copy-link]` is followed as usual, and the passage's public address (the page's
 *   canonical URL with the link's #anchor) is copied as well.
 * - `data-done` on either names what was copied, for the status message.
 */

// A module, so that its names stay out of the global scope (`status` is a window property).
export {};

let region: HTMLElement | undefined;
let timer = 0;

// The status message is announced to screen readers; only pages that can copy get one.
if (document.querySelector('button[data-copy], a[data-copy-link]')) {
  region = document.createElement('p');
  region.className = 'copy-status no-print';
  region.setAttribute('role', 'status');
  document.body.append(region);
}

function say(message: string) {
  if (!region) return;
  region.textContent = message;
  clearTimeout(timer);
  timer = window.setTimeout(() => region && (region.textContent = ''), 4000);
}

/** Copies with the Clipboard API, or, where it is missing (plain http), by selecting and copying. */
async function copy(text: string, html?: string, source?: Element): Promise<boolean> {
  try {
    if (html && 'ClipboardItem' in window) {
      const blob = (body: string, type: string) => new Blob([body], { type });
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': blob(text, 'text/plain'), 'text/html': blob(html, 'text/html') }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    if (!source) return false;
    getSelection()?.selectAllChildren(source);
    return document.execCommand('copy');
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) button.hidden = false;

document.addEventListener('click', async (event) => {
  const target = event.target as Element;
  const button = target.closest<HTMLButtonElement>('button[data-copy]');
  const link = target.closest<HTMLAnchorElement>('a[data-copy-link]');
  if (button) {
    const source = document.getElementById(button.dataset.copy ?? '');
    if (!source) return;
    const html = source.hasAttribute('data-rich') ? source.innerHTML : undefined;
    const done = await copy(source.innerText.trim(), html, source);
    say(done ? (button.dataset.done ?? 'Copied') : 'Selected: press Ctrl+C or ⌘C to copy');
  } else if (link) {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
    const done = await copy(canonical.split('#')[0] + link.hash);
    say(done ? (link.dataset.done ?? 'Link copied') : 'Copy the link from the address bar');
  }
});
