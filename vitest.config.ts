/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests live beside the code they test in src/, scripts/ and bench/; the browser suite is e2e/.
// scripts/content-safety-*.test.mjs run real scripts and builds: `npm run test:content` runs them on
// their own (three files at once), `npm run test:unit` leaves them out, and `npm test` runs both.
export default getViteConfig({
  test: {
    // bench/out/ holds scratch copies of the project: only bench's own modules are tested.
    include: ['src/**/*.test.ts', 'scripts/**/*.test.{ts,mjs}', 'bench/*.test.mjs'],
  },
});
