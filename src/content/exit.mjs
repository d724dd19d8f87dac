// Plain JavaScript so that scripts/build.mjs and the content check's Astro integration share it.

/**
 * The exit code of an `astro build` that the content check stopped before anything was built
 * (`integration.ts`): scripts/build.mjs tells the editor that the content has errors, not the build.
 */
export const CONTENT_ERRORS_EXIT = 3;
