/**
 * The content check as the first step of `astro build`, in Astro's own process: before Astro reads
 * a collection or writes a file, the same code and the same `file › field: message` lines as
 * `npm run check:content` (`check-report.ts`). Content with an error stops the build there, so
 * nothing is built from it; a separate check process before each build cost its start-up and
 * module loading (about 1.5 s of CPU even when no file had changed).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { CheckResult } from './check.ts';
import { checkAndReport } from './check-report.ts';
import { contentDirFromEnv } from './dir.mjs';
import { CONTENT_ERRORS_EXIT } from './exit.mjs';

/**
 * Checks the content at the start of every build; `astro dev` reports problems file by file instead
 * (loader.ts). `onPassed` is given the checked content of a build whose content has no error.
 */
export function contentCheck({
  onPassed,
}: { onPassed?: (content: CheckResult['content']) => void } = {}): AstroIntegration {
  return {
    name: 'perspectives:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config }) => {
        if (command !== 'build') return;
        // What it read goes to the content loader, which then reads no file again (handoff.ts).
        const ok = await checkAndReport(fileURLToPath(config.root), contentDirFromEnv(process.env), {
          onPassed,
          handOverFiles: true,
        });
        // The lines above say everything the editor needs; an error thrown here would add Astro's
        // stack trace to them. Exit before Astro has read or written anything.
        if (!ok) process.exit(CONTENT_ERRORS_EXIT);
      },
    },
  };
}
