/**
 * The one script of reading pages, kept tiny (every page loads it but the search page, whose own script has the `/` key too): `/` focuses the search
 * box, a page reached from a search result marks the words that matched in the passage, and the
 * copy buttons and passage links copy (./copy.ts).
 */
import { highlightRanges, highlightTerms } from './highlight.ts';
import './copy.ts';

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

/** Wraps the matching words of every text node under `scope` in <mark>, outside passage chrome. */
function mark(scope: Element, terms: string[]): void {
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[data-passage-meta], mark')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    for (const [start, end] of highlightRanges(node.data, terms).reverse()) {
      const word = node.splitText(start);
      word.splitText(end - start);
      const marked = document.createElement('mark');
      word.replaceWith(marked);
      marked.append(word);
    }
  }
}

const terms = highlightTerms(new URLSearchParams(location.search).getAll('highlight'));
if (terms.length > 0) {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id === '' ? null : document.getElementById(id);
  const scopes = target ? [target] : document.querySelectorAll('main [data-passage]');
  for (const scope of scopes) mark(scope, terms);
}
