import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { citationFile, citeCommentary } from '../../../outputs/citation';
import { loadLinks, loadSite } from '../../../content/site';
import { CITATION_FORMATS } from '../../../outputs/urls';

export const getStaticPaths = (async () => {
  // A build writes these files itself, all in one go (src/pages/citation-files.json.ts); the dev
  // server serves them from this route.
  if (!import.meta.env.DEV) return [];
  const site = await loadSite();
  const links = await loadLinks();
  return site.commentaries.flatMap((commentary) => {
    const work = citeCommentary(site, commentary, links);
    return CITATION_FORMATS.map((format) => {
      const file = citationFile(format, work);
      return { params: { id: commentary.id, format }, props: { file } };
    });
  });
}) satisfies GetStaticPaths;

/** The commentary as a BibTeX or RIS record, for reference managers (in `astro dev`). */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(props.file.body, { headers: { 'Content-Type': props.file.type } });
