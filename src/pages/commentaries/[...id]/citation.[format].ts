import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { citationFile, citeCommentary } from '../../../lib/citation';
import { loadSite } from '../../../lib/site';
import { CITATION_FORMATS, links } from '../../../lib/urls';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.commentaries.flatMap((commentary) =>
    CITATION_FORMATS.map((format) => ({
      params: { id: commentary.id, format },
      props: { commentary, format },
    })),
  );
}) satisfies GetStaticPaths;

/** The commentary as a BibTeX or RIS record, for reference managers. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
  const site = await loadSite();
  const file = citationFile(props.format, citeCommentary(site, props.commentary, links));
  return new Response(file.body, { headers: { 'Content-Type': file.type } });
};
