/**
 * The four collections. Each is a folder of markdown under `content/` (or CONTENT_DIR); a file's
 * name (its path, for commentaries) is its id. The schemas live in `lib/schemas.ts` and the
 * loader in `lib/content-loader.ts`, both shared with `npm run check:content`. Editors'
 * reference: CONTRIBUTING.md.
 */
import { defineCollection, reference } from 'astro:content';
import { contentDirFromEnv } from './lib/content-dir.mjs';
import { contentLoader } from './lib/content-loader';
import { analysisSchema, commentarySchema, expertSchema, themeList, themeSchema } from './lib/schemas';

const contentDir = contentDirFromEnv(process.env);

const analyses = defineCollection({ loader: contentLoader('analyses', contentDir), schema: analysisSchema });

const experts = defineCollection({ loader: contentLoader('experts', contentDir), schema: expertSchema });

const themes = defineCollection({ loader: contentLoader('themes', contentDir), schema: themeSchema });

const commentaries = defineCollection({
  loader: contentLoader('commentaries', contentDir),
  // reference() does not check that the entry exists: check.ts does before the build, site.ts again during it.
  schema: commentarySchema.extend({
    analysis: reference('analyses'),
    expert: reference('experts'),
    themes: themeList(reference('themes')),
  }),
});

export const collections = { analyses, experts, themes, commentaries };
