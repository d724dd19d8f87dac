/**
 * The four collections, and the publication's identity (`site.yml`). Each collection is a folder
 * of markdown under `content/` (or CONTENT_DIR); a file's name (its path, for commentaries) is its
 * id. The schemas live in `content/schemas.ts` and the loader in `content/loader.ts`, both shared
 * with `npm run check:content`. Editors' reference: CONTRIBUTING.md.
 */
import { defineCollection, reference } from 'astro:content';
import { contentDirFromEnv } from './content/dir.mjs';
import { contentLoader } from './content/loader.ts';
import {
  analysisSchema,
  commentarySchema,
  expertSchema,
  REFERENCES,
  siteSchema,
  themeList,
  themeSchema,
} from './content/schemas.ts';
import { siteFileLoader } from './content/site-loader.ts';

const contentDir = contentDirFromEnv(process.env);

// Lead images and portraits go through Astro's image pipeline; the loader hands image() a path
// relative to the entry's file, which it resolves from the filePath the loader passes to parseData.
const photo = analysisSchema.shape.photo.unwrap();
const analyses = defineCollection({
  loader: contentLoader('analyses', contentDir),
  schema: ({ image }) =>
    analysisSchema.extend({ photo: photo.extend({ file: image().optional() }).optional() }),
});

const portrait = expertSchema.shape.portrait.unwrap();
const experts = defineCollection({
  loader: contentLoader('experts', contentDir),
  schema: ({ image }) => expertSchema.extend({ portrait: portrait.extend({ file: image() }).optional() }),
});

const themes = defineCollection({ loader: contentLoader('themes', contentDir), schema: themeSchema });

const commentaries = defineCollection({
  loader: contentLoader('commentaries', contentDir),
  // reference() does not check that the entry exists: check.ts does before the build, site.ts again during it.
  schema: commentarySchema.extend({
    analysis: reference(REFERENCES.commentaries.analysis),
    expert: reference(REFERENCES.commentaries.expert),
    themes: themeList(reference(REFERENCES.commentaries.themes)),
  }),
});

// The publication's identity: one file, site.yml; its logo goes through Astro's image pipeline.
const logo = siteSchema.shape.logo.unwrap();
const site = defineCollection({
  loader: siteFileLoader(contentDir),
  schema: ({ image }) => siteSchema.extend({ logo: logo.extend({ file: image() }).optional() }),
});

export const collections = { analyses, experts, themes, commentaries, site };
