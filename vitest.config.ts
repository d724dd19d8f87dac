import { getViteConfig } from 'astro/config';

// Unit tests live beside the code they test in src/ and scripts/; the browser suite is e2e/.
export default getViteConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.{ts,mjs}'],
  },
});
