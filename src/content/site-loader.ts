/**
 * The Astro loader of `site.yml`: one entry, read and checked by the same code as
 * `npm run check:content` (identity.ts), then handed to Astro's schema so that the logo goes
 * through the image pipeline.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readYaml } from './frontmatter.ts';
import { checkSiteFile, SITE_FILE } from './identity.ts';
import { ContentError } from './validate.ts';

/** Whether `path` (relative to the folder `top`) is a file inside that folder. */
export function fileInside(top: string, path: string): boolean {
  const full = resolve(top, path);
  return full.startsWith(top + sep) && existsSync(full) && statSync(full).isFile();
}

/** Loads `<contentDir>/site.yml` as the single entry `site`. */
export function siteFileLoader(contentDir: string): Loader {
  return {
    name: 'site-file',
    load: async ({ store, parseData, config, generateDigest, watcher }) => {
      const root = fileURLToPath(config.root);
      const top = resolve(root, contentDir);
      const path = resolve(top, SITE_FILE);
      const filePath = relative(root, path).split(sep).join('/');
      const load = async () => {
        const source = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
        const { problems } = checkSiteFile({ file: filePath, source, hasFile: (p) => fileInside(top, p) });
        if (problems.length > 0 || source === undefined) throw new ContentError(problems);
        const read = readYaml(source);
        if (!read.ok) throw new ContentError(problems);
        const data = await parseData({ id: 'site', data: read.data, filePath });
        store.clear();
        store.set({ id: 'site', data, filePath, digest: generateDigest(source) });
      };
      await load();
      watcher?.add(path);
      watcher?.on('change', (changed) => {
        if (resolve(changed) === path) void load();
      });
    },
  };
}
