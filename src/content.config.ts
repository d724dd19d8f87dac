/**
 * The four collections. Each is a folder of markdown under `content/` (or CONTENT_DIR); a file's
 * name (its path, for commentaries) is its id. The schemas live in `lib/schemas.ts`, shared with
 * `npm run check:content`. Editors' reference: CONTRIBUTING.md.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDirFromEnv } from './lib/content-dir.mjs';
import {
  analysisSchema,
  commentarySchema,
  expertSchema,
  REFERENCES,
  themeList,
  themeSchema,
} from './lib/schemas';

const contentDir = contentDirFromEnv(process.env);

const markdownIn = (folder: string) => glob({ pattern: '**/*.md', base: `${contentDir}/${folder}` });

const analyses = defineCollection({ loader: markdownIn('analyses'), schema: analysisSchema });

const experts = defineCollection({ loader: markdownIn('experts'), schema: expertSchema });

const themes = defineCollection({ loader: markdownIn('themes'), schema: themeSchema });

const commentaries = defineCollection({
  loader: markdownIn('commentaries'),
  // reference() does not check that the entry exists: check.ts does before the build, site.ts again during it.
  schema: commentarySchema.extend({
    analysis: reference(REFERENCES.commentaries.analysis),
    expert: reference(REFERENCES.commentaries.expert),
    themes: themeList(reference(REFERENCES.commentaries.themes)),
  }),
});

export const collections = { analyses, experts, themes, commentaries };
