import { describe, expect, test } from 'vitest';
import {
  bodyProblems,
  forgetParses,
  MAX_NESTING,
  MAY_USE_GFM,
  primeParse,
  parseBlocks,
  remarkPassages,
  passageId,
  renderBlocks,
  tagBlocks,
  type Passage,
} from './markdown.ts';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const themes = [
  { id: 'energy', terms: ['oil', 'pipeline*'] },
  { id: 'trade', terms: ['tariff*'] },
];

const passagesOf = (markdown: string) =>
  renderBlocks(markdown, { themes }).filter((b) => b.kind === 'passage') as (Passage & { html: string })[];

describe('remarkPassages run through a unified pipeline', () => {
  test('puts the passage id and its themes on the rendered paragraph', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkPassages, { themes })
      .use(remarkRehype)
      .use(rehypeStringify)
      .process('Oil prices rose.\n\nNothing else happened.');
    expect(String(file)).toBe(
      '<p id="p-oil-prices-rose" data-themes="energy">Oil prices rose.</p>\n' +
        '<p id="p-nothing-else-happened" data-themes="">Nothing else happened.</p>',
    );
    expect(file.data.passages).toEqual([
      { id: 'p-oil-prices-rose', text: 'Oil prices rose.', themes: ['energy'] },
      { id: 'p-nothing-else-happened', text: 'Nothing else happened.', themes: [] },
    ]);
  });
});

describe('renderBlocks', () => {
  test('makes every top-level paragraph, list, quote and table a passage, but not a heading', () => {
    const blocks = renderBlocks(
      '## A heading\n\nFirst paragraph.\n\n- one\n- two\n\n> Quoted words.\n\n| a | b |\n| - | - |\n| 1 | 2 |',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['other', 'passage', 'passage', 'passage', 'passage']);
  });

  test.each([
    ['list items', '- one\n- two\n\n  more', 'one two more'],
    ['numbered items', '1. first\n2. second', 'first second'],
    ['paragraphs of a quote', '> First.\n>\n> Second.', 'First. Second.'],
    ['table cells and rows', '| a | b |\n| - | - |\n| 1 | 2 |', 'a b 1 2'],
  ])('keeps the words of %s apart in the passage text', (_, markdown, text) => {
    expect(passagesOf(markdown)[0]!.text).toBe(text);
  });

  test('keeps the text exactly, including curly quotes, dashes and square brackets', () => {
    const text = 'Xi said that “[t]he world is big” — or so it was “reported”… It’s 12 months.';
    expect(passagesOf(text)[0]!.text).toBe(text);
  });

  test('renders emphasis and GFM strikethrough inside a passage', () => {
    expect(passagesOf('Some *stress* and ~~old~~ words.')[0]!.html).toBe(
      '<p>Some <em>stress</em> and <del>old</del> words.</p>',
    );
  });

  test('does not pass raw HTML through to the page', () => {
    expect(passagesOf('Hello <script>alert(1)</script> there.')[0]!.html).not.toContain('<script>');
  });

  test('leaves raw HTML out of the passage text and id, as it is left out of the page', () => {
    const [passage] = passagesOf('The zebra said <script>alert(document.body)</script> hello, <b>twice</b>.');
    expect(passage!.html).toBe('<p>The zebra said alert(document.body) hello, twice.</p>');
    expect(passage!.text).toBe('The zebra said alert(document.body) hello, twice.');
    expect(passage!.id).toBe('p-the-zebra-said-alertdocumentbody-hello-twice');
  });

  test.each([
    ['an inline link', '[x](javascript:alert(1)) and more', '<p>x and more</p>'],
    ['an autolink', '<javascript:alert(1)> and more', '<p>javascript:alert(1) and more</p>'],
    ['a reference link', '[x][r] and more\n\n[r]: javascript:alert(1)', '<p>x and more</p>'],
    ['an image', '![the alt](javascript:alert(1)) and more', '<p>the alt and more</p>'],
    ['a data: link', '[x](data:text/html,hi) and more', '<p>x and more</p>'],
    ['an encoded colon', '[x](JaVaScRiPt&#58;alert(1)) and more', '<p>x and more</p>'],
  ])('never renders a javascript: or data: address from %s', (_case, markdown, html) => {
    expect(passagesOf(markdown)[0]!.html).toBe(html);
  });

  test('keeps http(s), mailto and in-site links', () => {
    expect(passagesOf('[a](https://e.org/) [b](mailto:a@e.org) [c](#p-x) [d](/x/)')[0]!.html).toBe(
      '<p><a href="https://e.org/">a</a> <a href="mailto:a@e.org">b</a> <a href="#p-x">c</a> <a href="/x/">d</a></p>',
    );
  });

  test('resolves a reference-style link inside a passage', () => {
    expect(passagesOf('See [the report][r].\n\n[r]: https://example.org/')[0]!.html).toContain(
      'href="https://example.org/"',
    );
  });

  test.each([
    ['a passage that mentions no term', 'Rain fell.', []],
    ['one theme', 'New tariffs came.', ['trade']],
    ['two themes, in theme order', 'Tariffs on oil pipelines.', ['energy', 'trade']],
    ['a term inside emphasis', 'The *oil* market.', ['energy']],
    ['a term split across lines', 'The new\ntariffs.', ['trade']],
  ])('tags %s', (_case, markdown, expected) => {
    expect(passagesOf(markdown)[0]!.themes).toEqual(expected);
  });
});

describe('passage ids', () => {
  const ids = (markdown: string) => passagesOf(markdown).map((p) => p.id);

  test('come from the opening words', () => {
    expect(ids('The U.S.-China bilateral relationship is still marked by tensions.')).toEqual([
      'p-the-us-china-bilateral-relationship-is-still',
    ]);
  });

  test('stay the same when another paragraph is edited or inserted before them', () => {
    const before = ids('Alpha one two three four five six.\n\nBeta three four.');
    const after = ids(
      'A new opening paragraph.\n\nAlpha one two three four five six, edited at the end.\n\nBeta three four.',
    );
    expect(after).toEqual(expect.arrayContaining(before));
  });

  test('are made unique when two passages open with the same words', () => {
    expect(ids('Same words here.\n\nSame words here.\n\nSame words here.')).toEqual([
      'p-same-words-here',
      'p-same-words-here-2',
      'p-same-words-here-3',
    ]);
  });

  test.each([
    ['a passage without letters', '…', 'p-passage'],
    ['a very long first word', 'x'.repeat(100), `p-${'x'.repeat(60)}`],
  ])('fall back sensibly for %s', (_case, text, expected) => {
    expect(passageId(text, new Set())).toBe(expected);
  });
});

describe('parseBlocks and tagBlocks: parse once, tag cheaply', () => {
  const body =
    'Oil prices rose on the pipeline news.\n\n## A heading\n\nA new tariff was set.\n\nNothing else.';

  test('parsing leaves every passage untagged, and tagging gives what renderBlocks gives', () => {
    const parsed = parseBlocks(body);
    expect(parsed.filter((b) => b.kind === 'passage').map((b) => b.kind === 'passage' && b.themes)).toEqual([
      [],
      [],
      [],
    ]);
    expect(tagBlocks(parsed, themes)).toEqual(renderBlocks(body, { themes }));
  });

  test('a body is parsed once: asking again returns the same blocks, and tagging does not change them', () => {
    const first = parseBlocks(body);
    const tagged = tagBlocks(first, themes);
    expect(parseBlocks(body)).toBe(first);
    expect(tagged.map((b) => b.kind === 'passage' && b.themes)).toEqual([['energy'], false, ['trade'], []]);
    expect(first.map((b) => b.kind === 'passage' && b.themes)).toEqual([[], false, [], []]);
  });

  test('tagging with other themes re-tags the same parse', () => {
    const other = [{ id: 'news', terms: ['news'] }];
    expect(tagBlocks(parseBlocks(body), other).map((b) => b.kind === 'passage' && b.themes)).toEqual([
      ['news'],
      false,
      [],
      [],
    ]);
  });
});

describe('bodyProblems', () => {
  test('finds nothing in plain prose with safe links', () => {
    expect(
      bodyProblems('Plain [words](https://example.org/).\n\n> A quote with `<code>`.\n\n- a\n- b'),
    ).toEqual([]);
  });

  test.each([
    [
      'an inline link',
      'Text.\n\n[x](javascript:alert(1))',
      3,
      /^the link address "javascript:alert\(1\)" is not allowed/,
    ],
    ['an autolink', '<javascript:alert(1)>', 1, /^the link address "javascript:alert\(1\)" is not allowed/],
    [
      'a reference definition',
      '[x][r]\n\n[r]: javascript:alert(1)',
      3,
      /^the link address "javascript:alert\(1\)"/,
    ],
    [
      'an image',
      'a\nb ![i](data:image/svg+xml,x)',
      2,
      /^the image address "data:image\/svg\+xml,x" is not allowed/,
    ],
    ['inline HTML', 'One.\n\nThe <script>alert(1)</script> end', 3, /^raw HTML "<script>" is not allowed/],
    ['block HTML', '<div>\nhidden\n</div>', 1, /^raw HTML "<div>\\nhidden\\n<\/div>" is not allowed/],
    ['an HTML comment', 'Text.\n\n<!-- a note -->', 3, /^an HTML comment is not allowed/],
  ])('refuses %s, at its line', (_case, markdown, line, message) => {
    const problems = bodyProblems(markdown);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(line);
    expect(problems[0]!.message).toMatch(message);
  });

  // 2,000 levels usually exhaust the renderer's stack (whether they do depends on the engine's frames,
  // so that is not asserted here); the check must refuse them by line without recursing itself.
  test('refuses nesting 2,000 deep by its line, without exhausting the stack itself', () => {
    const deep = `Intro.\n\n${'> '.repeat(2000)}hello`;
    const problems = bodyProblems(deep);
    expect(problems).toEqual([
      { line: 3, message: expect.stringMatching(/nested more than \d+ levels deep/) },
    ]);
  });

  test('accepts nesting up to the limit, which renders', () => {
    const deepest = `${'> '.repeat(MAX_NESTING - 2)}hello`;
    expect(bodyProblems(deepest)).toEqual([]);
    expect(renderBlocks(deepest)[0]!.html).toContain('hello');
  });
});

describe('forgetParses', () => {
  test('forgets a remembered parse: the body is parsed again', () => {
    const body = 'A paragraph with a [link](https://example.org).';
    primeParse(body, { problems: [{ line: 1, message: 'remembered, not found' }] });
    expect(bodyProblems(body)).toEqual([{ line: 1, message: 'remembered, not found' }]);
    forgetParses();
    expect(bodyProblems(body)).toEqual([]);
  });
});

describe('MAY_USE_GFM', () => {
  const gfmTree = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const commonMarkTree = (markdown: string) => unified().use(remarkParse).parse(markdown);
  /** The markdown bodies below a folder (after their front matter). */
  const bodiesIn = (folder: string): string[] =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.md'))
      .map((path) => readFileSync(join(folder, path), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));

  // Every construct of CommonMark, none of GFM's.
  const commonMark = [
    '# Heading\n\nSetext heading\n---\n\nA *stressed* and __strong__ `code` word.',
    '- one\n- two\n  1. nested\n  2. list\n\n> A quote\n> that goes on.\n\n***',
    '    indented code\n\n```js\nfenced(code);\n```\n\nA hard  \nbreak and a\\\nbackslash one.',
    '[inline](/x/ "title") and [reference][r] and ![image](/i.png).\n\n[r]: /y/',
    '<div>raw html</div>\n\nEntities &amp; &#35; and escapes \\[ \\* \\_, a <span>tag</span>.',
    'Text with [brackets] and [x y] and a: colon, U.S. dots, 3-4 hyphens.\n\n1) parenthesised\n2) list',
  ];
  // One construct of GFM each, which CommonMark parses otherwise.
  const gfm = [
    '| a | b |\n| - | - |\n| 1 | 2 |',
    'Some ~~old~~ words.',
    'A claim.[^1]\n\n[^1]: Its source.',
    '- [ ] to do\n- [x] done',
    'See www.example.org today.',
    'See https://example.org today.',
    'Write to someone@example.org today.',
  ];

  test('finds what every construct GFM adds needs, and GFM and CommonMark differ on each', () => {
    for (const markdown of gfm) {
      expect(MAY_USE_GFM.test(markdown), markdown).toBe(true);
      expect(gfmTree(markdown), markdown).not.toEqual(commonMarkTree(markdown));
    }
  });

  test('a body without any of it has the same tree under GFM as under CommonMark', () => {
    const bodies = [...commonMark, ...bodiesIn('content'), ...bodiesIn('e2e/fixtures/content')].filter(
      (markdown) => !MAY_USE_GFM.test(markdown),
    );
    // The samples, and published and fixture bodies besides: prose, as experts write it.
    expect(bodies.length).toBeGreaterThan(commonMark.length);
    for (const markdown of commonMark) expect(MAY_USE_GFM.test(markdown), markdown).toBe(false);
    for (const markdown of bodies) expect(commonMarkTree(markdown), markdown).toEqual(gfmTree(markdown));
  });

  test('parses a body with a GFM construct with GFM', () => {
    for (const [markdown, html] of [
      ['| a |\n| - |\n| 1 |', '<table>'],
      ['- [x] done', 'type="checkbox"'],
      ['See www.example.org today.', 'href="http://www.example.org"'],
    ] as const)
      expect(renderBlocks(markdown).map((b) => b.html).join('')).toContain(html);
  });
});
