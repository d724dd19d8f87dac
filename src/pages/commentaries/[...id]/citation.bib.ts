import { citationRoute } from '../../_citation.ts';

/** The commentary as a BibTeX record, for reference managers, in `astro dev` (../../_citation.ts). */
export const { getStaticPaths, GET } = citationRoute('commentary', 'bib');
