/**
 * The links of a test publication, "Example Review", under /base/ at example.org, with a publisher
 * of its own and a logo: what feeds, citations and JSON-LD read. Only tests import it.
 */
import { absolute, paths, type LinkContext } from './urls.ts';

/** The test publication's links. */
export const fixtureLinks: LinkContext = {
  urls: paths('/base/'),
  absolute: (path) => absolute('https://example.org', path),
  siteName: 'Example Review',
  publisher: {
    name: 'Example Review Press',
    url: 'https://press.example.org/',
    logo: 'https://example.org/base/_astro/logo.svg',
  },
  language: 'en-GB',
};
