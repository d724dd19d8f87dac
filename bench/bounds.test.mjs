import { describe, expect, test } from 'vitest';
import {
  boundsProblems,
  dataCommentaries,
  expertCommentaries,
  indexedExperts,
  largest,
  matrixExperts,
  quotedPassages,
  themeColumns,
  timelineAnalyses,
} from './bounds.mjs';

describe('reading the bounded pages', () => {
  test('counts the distinct experts of the matrix cells', () => {
    const row = (theme) =>
      `<tr><th scope="row">${theme}</th><td data-theme="${theme}" data-expert="a" data-count="1"></td><td class="x" data-theme="${theme}" data-expert="b" data-count="0"></td></tr>`;
    expect(matrixExperts(`<table>${row('t1')}${row('t2')}</table>`)).toBe(2);
    expect(matrixExperts('<p>No matrix</p>')).toBe(0);
  });

  test('counts a theme page’s expert columns, not other anchors', () => {
    const html =
      '<section class="column" id="expert-a" data-astro-cid-x><h2 id="h-a">A</h2></section><section class="column" id="expert-b"></section><p id="expert-c"></p>';
    expect(themeColumns(html)).toBe(2);
  });

  test('counts the analyses of the timeline only', () => {
    const html = [
      '<li><a href="/b/analyses/elsewhere/">Not in the timeline</a></li>',
      '<section class="timeline"><h2 id="timeline-heading">Analyses by month</h2><ol class="months">',
      '<li><h3><time>May</time></h3><ul class="analyses"><li data-astro-cid-q><a href="/b/analyses/one/">One</a></li>',
      '<li><a href="/b/analyses/two/">Two</a></li></ul></li></ol>',
      '<p class="more"><a href="/b/search/?theme=t&amp;sort=newest">3 older analyses</a></p></section>',
      '<li><a href="/b/analyses/after/">After</a></li>',
    ].join('');
    expect(timelineAnalyses(html)).toBe(2);
    expect(timelineAnalyses('<main></main>')).toBe(0);
  });
});

describe('boundsProblems', () => {
  const limits = { homeExperts: 2, homeBytes: 100, themeExperts: 3, timelineAnalyses: 4, themeBytes: 200 };
  const page = (over = {}) => ({ id: 't', bytes: 200, columns: 3, timeline: 4, ...over });

  test('finds nothing at the limits', () => {
    expect(boundsProblems({ home: { experts: 2, bytes: 100 }, themes: [page()] }, limits)).toEqual([]);
  });

  test.each([
    [{ home: { experts: 3, bytes: 100 }, themes: [] }, 'The home matrix has 3 expert columns'],
    [{ home: { experts: 1, bytes: 101 }, themes: [] }, 'The home page weighs'],
    [{ home: { experts: 1, bytes: 1 }, themes: [page({ columns: 4 })] }, 'Theme t has 4 expert columns'],
    [{ home: { experts: 1, bytes: 1 }, themes: [page({ timeline: 5 })] }, 'Theme t lists 5 analyses'],
    [{ home: { experts: 1, bytes: 1 }, themes: [page({ bytes: 201 })] }, 'Theme t weighs'],
  ])('names what is over a limit (%#)', (measured, message) => {
    const problems = boundsProblems(measured, limits);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});

describe('reading the paginated lists', () => {
  test('counts the commentaries of an expert’s page, not the links of other sections', () => {
    const html = [
      '<section><h2 id="themes-heading">Themes</h2><a href="/b/themes/t/">T</a></section>',
      '<section><h2 id="commentaries-heading">Commentaries</h2><ul>',
      '<li><a href="/b/commentaries/a/e/">Q1</a> in <a href="/b/analyses/a/">A</a></li>',
      '<li><a href="/b/commentaries/c/e/" data-x>Q2</a></li></ul>',
      '<nav><a href="/b/experts/e/page/2/">2</a></nav></section>',
      '<footer><a href="/b/commentaries/z/e/">elsewhere</a></footer>',
    ].join('');
    expect(expertCommentaries(html)).toBe(2);
    expect(expertCommentaries('<main></main>')).toBe(0);
  });

  test('counts the quoted passages of a page', () => {
    expect(quotedPassages('<blockquote cite="x">a</blockquote><p>b</p><blockquote>c</blockquote>')).toBe(2);
  });

  test('counts the experts of an experts index page, not the pagination', () => {
    const html =
      '<ul class="experts" data-astro-cid-q><li><a>A</a></li><li><a>B</a></li></ul><nav><ul><li><a>1</a></li></ul></nav>';
    expect(indexedExperts(html)).toBe(2);
    expect(indexedExperts('<ul class="pagination"><li></li></ul>')).toBe(0);
  });

  test('counts the commentaries of an open-data file: none in the index, which only counts them', () => {
    expect(dataCommentaries({ commentaries: [{}, {}, {}] })).toBe(3);
    expect(dataCommentaries({ counts: { commentaries: 1000 } })).toBe(0);
  });

  test('finds the list entry with the most items', () => {
    expect(
      largest([
        { items: 1, bytes: 9 },
        { items: 3, bytes: 1 },
        { items: 3, bytes: 2 },
      ]),
    ).toEqual({
      items: 3,
      bytes: 2,
    });
    expect(largest([])).toBeUndefined();
  });
});

describe('boundsProblems of the paginated lists and the open data', () => {
  const limits = {
    homeExperts: 9,
    homeBytes: 999,
    themeExperts: 9,
    timelineAnalyses: 9,
    themeBytes: 999,
    expertCommentaries: 2,
    expertBytes: 100,
    themeExpertPassages: 2,
    themeExpertBytes: 100,
    indexExperts: 2,
    indexBytes: 100,
    dataCommentaries: 2,
    dataBytes: 100,
  };
  const base = { home: { experts: 1, bytes: 1 }, themes: [] };
  const page = (path, over = {}) => [{ path, items: 2, bytes: 100, ...over }];

  test('finds nothing at the limits', () => {
    const measured = {
      ...base,
      expertPages: page('experts/e/index.html'),
      themeExpertPages: page('themes/t/e/index.html'),
      expertsIndex: page('experts/index.html'),
      data: page('data/commentaries/1.json'),
    };
    expect(boundsProblems(measured, limits)).toEqual([]);
  });

  test.each([
    [
      'expertPages',
      'experts/e/index.html',
      { items: 3 },
      'experts/e/index.html holds 3 commentaries; at most 2',
    ],
    ['expertPages', 'experts/e/page/2/index.html', { bytes: 101 }, 'experts/e/page/2/index.html weighs'],
    ['themeExpertPages', 'themes/t/e/index.html', { items: 3 }, 'holds 3 passages; at most 2'],
    ['expertsIndex', 'experts/index.html', { items: 3 }, 'holds 3 experts; at most 2'],
    ['data', 'data/commentaries.json', { items: 3 }, 'data/commentaries.json holds 3 commentaries'],
    ['data', 'data/commentaries/1.json', { bytes: 101 }, '(on disk)'],
  ])('names a %s page over a limit (%s)', (key, path, over, message) => {
    const problems = boundsProblems({ ...base, [key]: page(path, over) }, limits);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});
