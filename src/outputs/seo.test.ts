import { describe, expect, test } from 'vitest';
import {
  analysisHead,
  breadcrumbList,
  commentaryHead,
  expertHead,
  homeHead,
  profileLd,
  profileLinks,
  serializeJsonLd,
  shareImageMeta,
  themeHead,
  twitterCard,
  withShareImage,
} from './seo.ts';
import { renderBlocks } from '../content/markdown.ts';
import type { Expert } from '../model/model.ts';
import { fixtureSite } from '../model/site.fixture.ts';
import { fixtureLinks } from './links.fixture.ts';

const links = fixtureLinks;
const site = fixtureSite();

type Node = Record<string, unknown>;
const nodes = (ld: Record<string, unknown> | undefined) => (ld?.['@graph'] ?? []) as Node[];
const ofType = (ld: Record<string, unknown> | undefined, type: string) =>
  nodes(ld).find((n) => n['@type'] === type)!;

describe('serializeJsonLd', () => {
  test('escapes what could close the script element or open a comment, and stays valid JSON', () => {
    const data = { headline: 'A </script><!-- trick & more' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e\\u003c!-- trick \\u0026 more');
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('breadcrumbList', () => {
  test('numbers the crumbs from 1', () => {
    expect(
      breadcrumbList([
        { name: 'Home', url: 'https://example.org/' },
        { name: 'A', url: 'https://example.org/a/' },
      ]),
    ).toEqual({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.org/' },
        { '@type': 'ListItem', position: 2, name: 'A', item: 'https://example.org/a/' },
      ],
    });
  });
});

describe('homeHead', () => {
  test('describes the site as a WebSite named after the publication, with its publisher', () => {
    expect(ofType(homeHead(links).jsonLd, 'WebSite')).toEqual({
      '@type': 'WebSite',
      url: 'https://example.org/base/',
      name: 'Example Review',
      inLanguage: 'en-GB',
      publisher: expect.objectContaining({ '@type': 'Organization', name: 'Example Review Press' }),
    });
  });
});

describe('analysisHead', () => {
  const head = analysisHead(site, site.analysis('newer'), links);

  test('of an analysis first published here: the publication’s publisher, with its URL and logo', () => {
    const { source: _elsewhere, ...own } = site.analysis('newer');
    const article = ofType(analysisHead(site, own, links).jsonLd, 'Article');
    expect(article.publisher).toEqual({
      '@type': 'Organization',
      name: 'Example Review Press',
      url: 'https://press.example.org/',
      logo: 'https://example.org/base/_astro/logo.svg',
    });
    expect(article).not.toHaveProperty('isBasedOn');
    expect(article.inLanguage).toBe('en-GB');
  });

  test('makes every expert an author, in published order, each a Person linked to their page', () => {
    const article = ofType(head.jsonLd, 'Article');
    expect(article.author).toEqual([
      expect.objectContaining({
        '@type': 'Person',
        name: 'Ann Bell',
        url: 'https://example.org/base/experts/ann-bell/',
      }),
      expect.objectContaining({
        '@type': 'Person',
        name: 'Cy Dunn',
        url: 'https://example.org/base/experts/cy-dunn/',
      }),
    ]);
    expect(article).toMatchObject({
      headline: 'Tariffs & Oil: A Newer Analysis',
      datePublished: '2024-05',
      url: 'https://example.org/base/analyses/newer/',
      publisher: { '@type': 'Organization', name: 'Example Institute' },
      isBasedOn: 'https://example.com/newer',
    });
  });

  test('never names a source address that is not a web address', () => {
    const unsafe = { ...site.analysis('newer'), source: { name: 'X', url: 'javascript:alert(1)' } };
    const ld = analysisHead(site, unsafe, links).jsonLd;
    expect(serializeJsonLd(ld!)).not.toContain('javascript:');
    expect(ofType(ld, 'Article').isBasedOn).toBeUndefined();
  });

  test('gives one citation_author and one article:author per expert', () => {
    expect(head.meta.filter((m) => m.name === 'citation_author').map((m) => m.content)).toEqual([
      'Bell, Ann',
      'Dunn, Cy',
    ]);
    expect(head.meta.filter((m) => m.property === 'article:author')).toHaveLength(2);
    expect(head.type).toBe('article');
  });

  test('leads the breadcrumbs from home to the analysis', () => {
    expect(ofType(head.jsonLd, 'BreadcrumbList').itemListElement).toEqual([
      expect.objectContaining({ name: 'Example Review', item: 'https://example.org/base/' }),
      expect.objectContaining({
        name: 'Tariffs & Oil: A Newer Analysis',
        item: 'https://example.org/base/analyses/newer/',
      }),
    ]);
  });
});

describe('commentaryHead: the bottom line', () => {
  const article = (id: string) =>
    ofType(
      commentaryHead(
        site,
        site.commentaries.find((c) => c.id === id)!,
        links,
      ).jsonLd,
      'Article',
    );

  test('describes the article when the commentary has one, and is left out when not', () => {
    expect(article('newer/ann-bell').description).toBe(
      site.commentaries.find((c) => c.id === 'newer/ann-bell')!.bottomLine,
    );
    expect(article('newer/cy-dunn')).not.toHaveProperty('description');
  });
});

describe('commentaryHead', () => {
  const head = commentaryHead(
    site,
    site.commentaries.find((c) => c.id === 'newer/cy-dunn')!,
    links,
  );

  test('names its expert as the only author and makes it part of its analysis', () => {
    const article = ofType(head.jsonLd, 'Article');
    expect((article.author as Node[]).map((a) => a.name)).toEqual(['Cy Dunn']);
    expect(article.isPartOf).toMatchObject({
      headline: 'Tariffs & Oil: A Newer Analysis',
      url: 'https://example.org/base/analyses/newer/',
    });
    expect(article.headline).toBe('And oil?');
  });

  test('carries the Scholar tags with the analysis as book title', () => {
    expect(head.meta.find((m) => m.name === 'citation_inbook_title')?.content).toBe(
      'Tariffs & Oil: A Newer Analysis',
    );
    expect(head.meta.filter((m) => m.name === 'citation_author').map((m) => m.content)).toEqual(['Dunn, Cy']);
  });

  test('offers the expert’s feed and ends the breadcrumbs with the question', () => {
    expect(head.feeds).toEqual([
      { title: 'Cy Dunn: commentaries', href: 'https://example.org/base/experts/cy-dunn/feed.xml' },
    ]);
    const crumbs = ofType(head.jsonLd, 'BreadcrumbList').itemListElement as Node[];
    expect(crumbs.map((c) => c.name)).toEqual([
      'Example Review',
      'Tariffs & Oil: A Newer Analysis',
      'And oil?',
    ]);
  });
});

describe('expertHead and themeHead', () => {
  test('an expert page is a profile of a Person with the expert’s feed', () => {
    const head = expertHead(site.expert('eve-fox'), links);
    expect(head.type).toBe('profile');
    expect(ofType(head.jsonLd, 'ProfilePage').mainEntity).toMatchObject({ name: 'Eve Fox' });
    expect(head.feeds[0]!.href).toBe('https://example.org/base/experts/eve-fox/feed.xml');
  });

  test('a theme page offers the theme’s feed', () => {
    const head = themeHead(site.theme('energy'), links);
    expect(head.feeds).toEqual([
      { title: 'Energy: commentaries', href: 'https://example.org/base/themes/energy/feed.xml' },
    ]);
    expect(ofType(head.jsonLd, 'CollectionPage').url).toBe('https://example.org/base/themes/energy/');
  });
});

describe('expert profiles in JSON-LD', () => {
  const plain = site.expert('eve-fox');
  const profiled: Expert = {
    ...plain,
    role: 'Senior Fellow',
    links: {
      orcid: 'https://orcid.org/0000-0002-1825-0097',
      institution: 'https://example.org/people/eve-fox',
      social: ['https://www.social.example.net/@eve'],
    },
    bio: renderBlocks('Eve Fox studies *grids*.\n\nShe writes [here](https://example.org/).'),
  };

  test('a Person without profile fields has none of jobTitle, description, image or sameAs', () => {
    const person = profileLd(plain, links);
    for (const key of ['jobTitle', 'description', 'image', 'sameAs']) expect(person).not.toHaveProperty(key);
  });

  test('a profiled Person carries its role, its bio as plain text, its portrait and its links', () => {
    const head = expertHead(profiled, links, 'https://example.org/base/_astro/eve.png');
    expect(ofType(head.jsonLd, 'ProfilePage').mainEntity).toMatchObject({
      jobTitle: 'Senior Fellow',
      description: 'Eve Fox studies grids. She writes here.',
      image: 'https://example.org/base/_astro/eve.png',
      sameAs: [
        'https://orcid.org/0000-0002-1825-0097',
        'https://example.org/people/eve-fox',
        'https://www.social.example.net/@eve',
      ],
    });
  });

  test('profile links are labelled for readers: the ORCID iD, the institution, the host of each profile', () => {
    expect(profileLinks(profiled).map((l) => l.label)).toEqual([
      'ORCID 0000-0002-1825-0097',
      `Profile at ${plain.affiliation}`,
      'social.example.net',
    ]);
  });

  test('never links an address that is not a web address, even one the check let through', () => {
    expect(profileLinks({ ...plain, links: { social: ['javascript:alert(1)'] } })).toEqual([]);
  });
});

describe('link-preview images', () => {
  const image = {
    url: 'https://example.org/base/_astro/a.jpeg',
    alt: 'A river.',
    width: 1200,
    height: 675,
    type: 'image/jpeg',
  };

  test('a page with an image has its Open Graph and Twitter tags and a large card', () => {
    const head = withShareImage(homeHead(links), image);
    expect(twitterCard(head)).toBe('summary_large_image');
    expect(shareImageMeta(head.image)).toEqual(
      expect.arrayContaining([
        { property: 'og:image', content: image.url },
        { property: 'og:image:width', content: '1200' },
        { property: 'og:image:alt', content: 'A river.' },
        { name: 'twitter:image', content: image.url },
      ]),
    );
  });

  test('a page without one keeps the summary card and no image tag', () => {
    const head = withShareImage(homeHead(links), undefined);
    expect(twitterCard(head)).toBe('summary');
    expect(shareImageMeta(head.image)).toEqual([]);
  });
});
