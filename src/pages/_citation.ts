import type { APIRoute } from 'astro';
import { citationFile, citeAnalysis, citeCommentary } from '../outputs/citation.ts';
import { loadLinks, loadSite } from '../content/site.ts';
import type { CitationFormat } from '../outputs/urls.ts';

/**
 * The routes of the citation files in `astro dev` (a file starting with `_` is not a route itself):
 * a build writes these files itself, all in one go (citation-files.json.ts), so its routes have no
 * paths. A route per format, `citation.bib.ts` and `citation.ris.ts`, so that the dev server serves
 * `…/citation.bib` as the built site does: with the extension in the route's name, not in a parameter.
 */
export function citationRoute(kind: 'analysis' | 'commentary', format: CitationFormat) {
  const getStaticPaths = async () => {
    if (!import.meta.env.DEV) return [];
    const site = await loadSite();
    const links = await loadLinks();
    const works =
      kind === 'analysis'
        ? site.analyses.map((a) => ({ id: a.id, work: citeAnalysis(site, a, links) }))
        : site.commentaries.map((c) => ({ id: c.id, work: citeCommentary(site, c, links) }));
    return works.map(({ id, work }) => ({ params: { id }, props: { file: citationFile(format, work) } }));
  };
  const GET: APIRoute<{ file: ReturnType<typeof citationFile> }> = ({ props }) =>
    new Response(props.file.body, { headers: { 'Content-Type': props.file.type } });
  return { getStaticPaths, GET };
}
