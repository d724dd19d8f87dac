// Plain JavaScript, so that scripts/build.mjs knows the citation files as the pages name them.

/**
 * Every citation file format, for `getStaticPaths`: BibTeX and RIS. Each analysis and commentary
 * has one file of each, `citation.<format>` in its folder (urls.ts).
 * @type {readonly ('bib' | 'ris')[]}
 */
export const CITATION_FORMATS = ['bib', 'ris'];

/**
 * Whether a path of the built site (relative to it, with `/`) is a citation file.
 * @param {string} path
 * @returns {boolean}
 */
export function isCitationFile(path) {
  return CITATION_FORMATS.some((format) => path.endsWith(`/citation.${format}`));
}
