import { describe, expect, test } from 'vitest';
import { boundsProblems, matrixExperts, themeColumns, timelineAnalyses } from './bounds.mjs';

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
