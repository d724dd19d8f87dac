import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../content/site.ts';
import { bottomLinesFile } from '../../../model/summaries.ts';
import { pageKey } from '../../../outputs/page-key.ts';

/** One small file per analysis whose commentaries have bottom lines: what its search results fetch to show them. */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.analyses
    .filter((a) => a.commentaries.some((c) => c.bottomLine !== undefined))
    .map((a) => {
      const file = bottomLinesFile(a.commentaries);
      return { params: { id: a.id }, props: { file }, cacheKey: pageKey(file) };
    });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: ReturnType<typeof bottomLinesFile> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.file)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
