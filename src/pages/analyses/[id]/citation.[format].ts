import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { citationFile, citeAnalysis } from '../../../lib/citation';
import { loadSite } from '../../../lib/site';
import { CITATION_FORMATS, links } from '../../../lib/urls';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.analyses.flatMap((analysis) =>
    CITATION_FORMATS.map((format) => ({ params: { id: analysis.id, format }, props: { analysis, format } })),
  );
}) satisfies GetStaticPaths;

/** The analysis as a BibTeX or RIS record, for reference managers. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
  const site = await loadSite();
  const file = citationFile(props.format, citeAnalysis(site, props.analysis, links));
  return new Response(file.body, { headers: { 'Content-Type': file.type } });
};
