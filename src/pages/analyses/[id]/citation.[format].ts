import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { citationFile, citeAnalysis } from '../../../outputs/citation';
import { loadLinks, loadSite } from '../../../content/site';
import { pageKey } from '../../../outputs/page-key';
import { CITATION_FORMATS } from '../../../outputs/urls';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  const links = await loadLinks();
  return site.analyses.flatMap((analysis) => {
    const work = citeAnalysis(site, analysis, links);
    return CITATION_FORMATS.map((format) => {
      const file = citationFile(format, work);
      // The file is all the route writes: its key is the file.
      return { params: { id: analysis.id, format }, props: { file }, cacheKey: pageKey(file) };
    });
  });
}) satisfies GetStaticPaths;

/** The analysis as a BibTeX or RIS record, for reference managers. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(props.file.body, { headers: { 'Content-Type': props.file.type } });
