import { describe, expect, test } from 'vitest';
import { parsePartialDate } from '../util/dates.ts';
import {
  analysisWork,
  apa,
  bibtex,
  chicago,
  citationFile,
  commentaryWork,
  escapeBibtex,
  headlineCase,
  initials,
  mla,
  paragraphCitations,
  ris,
  scholarMeta,
  type CitedWork,
} from './citation.ts';

const analysis = {
  id: 'g20-summit',
  title: 'What the G20 Summit Means for Trade and Debt',
  published: parsePartialDate('2023-11')!,
  source: { name: 'Example Institute for Peace', url: 'https://example.com/research/g20-summit' },
};

/** The publication the pages are on: it publishes what did not first appear elsewhere. */
const PUBLICATION = { publisher: 'Example Review Press', language: 'en' };

/** The fixture commentary: an accented, hyphenated family name and an ampersand in the question. */
const commentary = commentaryWork(
  { question: 'Can sanctions on oil & gas still work?' },
  analysis,
  { givenName: 'Ana María', familyName: 'López-Ortiz' },
  'https://example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/',
  PUBLICATION,
);

const authors = [
  { givenName: 'Amina', familyName: 'Diallo' },
  { givenName: 'Ben', familyName: 'Okafor' },
  { givenName: 'Wei', familyName: 'Chen' },
];
const whole = analysisWork(analysis, authors, 'https://example.org/pub/analyses/g20-summit/', PUBLICATION);

// Every expected string below is written by hand from the style's rules, not copied from output.
describe('a commentary, cited as a part of its analysis', () => {
  test('in Chicago: inverted name, headline-style title in quotes, “In” the italic analysis', () => {
    expect(chicago(commentary)).toEqual({
      text: 'López-Ortiz, Ana María. “Can Sanctions on Oil & Gas Still Work?” In What the G20 Summit Means for Trade and Debt. Example Institute for Peace, November 2023. https://example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/.',
      html: 'López-Ortiz, Ana María. “Can Sanctions on Oil &amp; Gas Still Work?” In <i>What the G20 Summit Means for Trade and Debt</i>. Example Institute for Peace, November 2023. https://example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/.',
    });
  });

  test('in APA: initials, (year, month), the title as published with no period after its question mark', () => {
    expect(apa(commentary)).toEqual({
      text: 'López-Ortiz, A. M. (2023, November). Can sanctions on oil & gas still work? In What the G20 Summit Means for Trade and Debt. Example Institute for Peace. https://example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/',
      html: 'López-Ortiz, A. M. (2023, November). Can sanctions on oil &amp; gas still work? In <i>What the G20 Summit Means for Trade and Debt</i>. Example Institute for Peace. https://example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/',
    });
  });

  test('in MLA: the analysis as italic container, abbreviated month, URL without its scheme', () => {
    expect(mla(commentary)).toEqual({
      text: 'López-Ortiz, Ana María. “Can Sanctions on Oil & Gas Still Work?” What the G20 Summit Means for Trade and Debt, Example Institute for Peace, Nov. 2023, example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/.',
      html: 'López-Ortiz, Ana María. “Can Sanctions on Oil &amp; Gas Still Work?” <i>What the G20 Summit Means for Trade and Debt</i>, Example Institute for Peace, Nov. 2023, example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/.',
    });
  });

  test('as BibTeX: an incollection with escaped title, month macro and the original address in a note', () => {
    expect(bibtex(commentary)).toBe(
      [
        '@incollection{lopezortiz2023-g20-summit,',
        '  author = {López-Ortiz, Ana María},',
        '  title = {{Can sanctions on oil \\& gas still work?}},',
        '  booktitle = {What the G20 Summit Means for Trade and Debt},',
        '  publisher = {Example Institute for Peace},',
        '  year = {2023},',
        '  month = nov,',
        '  url = {https://example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/},',
        '  note = {First published at https://example.com/research/g20-summit}',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('as RIS: a book section in its analysis, CRLF line ends, month-precise DA', () => {
    expect(ris(commentary)).toBe(
      [
        'TY  - CHAP',
        'AU  - López-Ortiz, Ana María',
        'TI  - Can sanctions on oil & gas still work?',
        'T2  - What the G20 Summit Means for Trade and Debt',
        'PB  - Example Institute for Peace',
        'PY  - 2023',
        'DA  - 2023/11//',
        'UR  - https://example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/',
        'N1  - First published at https://example.com/research/g20-summit',
        'LA  - en',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });

  test('as Google Scholar tags: one author, year-only date (the day is unknown), the analysis as book title', () => {
    expect(scholarMeta(commentary).map((m) => [m.name, m.content])).toEqual([
      ['citation_title', 'Can sanctions on oil & gas still work?'],
      ['citation_author', 'López-Ortiz, Ana María'],
      ['citation_publication_date', '2023'],
      ['citation_inbook_title', 'What the G20 Summit Means for Trade and Debt'],
      ['citation_publisher', 'Example Institute for Peace'],
      ['citation_fulltext_html_url', 'https://example.org/pub/commentaries/g20-summit/ana-lopez-ortiz/'],
      ['citation_language', 'en'],
    ]);
  });
});

describe('an analysis, cited as a standalone publication by all its experts', () => {
  test.each([
    [
      'Chicago',
      chicago,
      'Diallo, Amina, Ben Okafor, and Wei Chen. What the G20 Summit Means for Trade and Debt. Example Institute for Peace, November 2023. https://example.org/pub/analyses/g20-summit/.',
    ],
    [
      'APA',
      apa,
      'Diallo, A., Okafor, B., & Chen, W. (2023, November). What the G20 Summit Means for Trade and Debt. Example Institute for Peace. https://example.org/pub/analyses/g20-summit/',
    ],
    [
      'MLA',
      mla,
      'Diallo, Amina, et al. What the G20 Summit Means for Trade and Debt. Example Institute for Peace, Nov. 2023, example.org/pub/analyses/g20-summit/.',
    ],
  ])('in %s', (_style, format, expected) => {
    expect(format(whole).text).toBe(expected);
    expect(format(whole).html).toContain('<i>What the G20 Summit Means for Trade and Debt</i>');
  });

  test('as BibTeX: a misc record with every author and the publisher as howpublished', () => {
    expect(bibtex(whole)).toBe(
      [
        '@misc{g20-summit,',
        '  author = {Diallo, Amina and Okafor, Ben and Chen, Wei},',
        '  title = {{What the G20 Summit Means for Trade and Debt}},',
        '  howpublished = {Example Institute for Peace},',
        '  year = {2023},',
        '  month = nov,',
        '  url = {https://example.org/pub/analyses/g20-summit/},',
        '  note = {First published at https://example.com/research/g20-summit}',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('published here first: the publication is the publisher, in its language, and there is no note', () => {
    const { source: _elsewhere, ...own } = analysis;
    const work = analysisWork(own, authors, 'https://example.org/pub/analyses/g20-summit/', {
      publisher: 'Example Review Press',
      language: 'en-GB',
    });
    expect(chicago(work).text).toBe(
      'Diallo, Amina, Ben Okafor, and Wei Chen. What the G20 Summit Means for Trade and Debt. Example Review Press, November 2023. https://example.org/pub/analyses/g20-summit/.',
    );
    expect(bibtex(work)).toContain('  howpublished = {Example Review Press},\n');
    expect(bibtex(work)).not.toContain('note =');
    expect(ris(work)).toContain('LA  - en-GB');
  });

  test('as RIS: a web page with one AU line per author, in order', () => {
    const lines = ris(whole).split('\r\n');
    expect(lines[0]).toBe('TY  - ELEC');
    expect(lines.filter((l) => l.startsWith('AU  - '))).toEqual([
      'AU  - Diallo, Amina',
      'AU  - Okafor, Ben',
      'AU  - Chen, Wei',
    ]);
    expect(lines).toContain('T2  - Example Institute for Peace');
  });

  test('as Google Scholar tags: one citation_author per author', () => {
    expect(scholarMeta(whole).filter((m) => m.name === 'citation_author')).toEqual([
      { name: 'citation_author', content: 'Diallo, Amina' },
      { name: 'citation_author', content: 'Okafor, Ben' },
      { name: 'citation_author', content: 'Chen, Wei' },
    ]);
  });
});

describe('author lists', () => {
  const withAuthors = (n: number): CitedWork => ({
    ...whole,
    authors: Array.from({ length: n }, (_, i) => ({
      givenName: `Given${i + 1}`,
      familyName: `Family${i + 1}`,
    })),
  });
  const lead = (text: string) => text.slice(0, text.indexOf(' What the G20'));

  test.each([
    [1, 'Family1, Given1.'],
    [2, 'Family1, Given1, and Given2 Family2.'],
    [
      11,
      'Family1, Given1, Given2 Family2, Given3 Family3, Given4 Family4, Given5 Family5, Given6 Family6, Given7 Family7, et al.',
    ],
  ])('Chicago names %i author(s) as it should', (n, expected) => {
    expect(lead(chicago(withAuthors(n)).text)).toBe(expected);
  });

  test.each([
    [1, 'Family1, G. (2023, November).'],
    [2, 'Family1, G., & Family2, G. (2023, November).'],
  ])('APA names %i author(s) as it should', (n, expected) => {
    expect(lead(apa(withAuthors(n)).text)).toBe(expected);
  });

  test('APA lists the first nineteen of twenty-one authors, an ellipsis and the last', () => {
    const text = apa(withAuthors(21)).text;
    expect(text).toContain('Family18, G., Family19, G., . . . Family21, G. (2023');
    expect(text).not.toContain('Family20');
  });

  test.each([
    [1, 'Family1, Given1.'],
    [2, 'Family1, Given1, and Given2 Family2.'],
    [3, 'Family1, Given1, et al.'],
  ])('MLA names %i author(s) as it should', (n, expected) => {
    expect(lead(mla(withAuthors(n)).text)).toBe(expected);
  });

  test('a name ending in an initial does not get a second period', () => {
    const work = { ...whole, authors: [{ givenName: 'Jane', familyName: 'Doe Jr.' }] };
    expect(chicago(work).text.startsWith('Doe Jr., Jane. What')).toBe(true);
    expect(mla({ ...work, authors: [{ givenName: 'J. Q.', familyName: 'Doe' }] }).text).toMatch(
      /^Doe, J\. Q\. What/,
    );
  });
});

describe('dates at the precision the source supports', () => {
  test.each([
    ['2023', '2023', '(2023)', '2023', '2023///', undefined, '2023'],
    ['2023-09', 'September 2023', '(2023, September)', 'Sept. 2023', '2023/09//', 'sep', '2023'],
    [
      '2023-11-05',
      'November 5, 2023',
      '(2023, November 5)',
      '5 Nov. 2023',
      '2023/11/05/',
      'nov',
      '2023/11/5',
    ],
  ])('%s', (iso, chicagoDate, apaDate, mlaDate, risDate, bibMonth, scholar) => {
    const work = { ...commentary, published: parsePartialDate(iso)! };
    expect(chicago(work).text).toContain(`Example Institute for Peace, ${chicagoDate}. https:`);
    expect(apa(work).text).toContain(`López-Ortiz, A. M. ${apaDate}. Can`);
    expect(mla(work).text).toContain(`Example Institute for Peace, ${mlaDate}, example.org`);
    expect(ris(work)).toContain(`\r\nDA  - ${risDate}\r\n`);
    expect(ris(work)).toContain('\r\nPY  - 2023\r\n');
    if (bibMonth) expect(bibtex(work)).toContain(`  month = ${bibMonth},\n`);
    else expect(bibtex(work)).not.toContain('month');
    expect(scholarMeta(work).find((m) => m.name === 'citation_publication_date')?.content).toBe(scholar);
  });
});

describe('headlineCase', () => {
  test.each([
    [
      'What does the minister’s visit signal about the U.S. approach to Brazil?',
      'What Does the Minister’s Visit Signal about the U.S. Approach to Brazil?',
    ],
    ['What does the summit mean for U.S.-EU relations?', 'What Does the Summit Mean for U.S.-EU Relations?'],
    [
      'The Minister’s Trip Shows Both Sides Want to Mend Ties',
      'The Minister’s Trip Shows Both Sides Want to Mend Ties',
    ],
    ['the state of the art: an overview', 'The State of the Art: An Overview'],
    ['whose music? a sociology of musical language', 'Whose Music? A Sociology of Musical Language'],
    ['what is it for', 'What Is It For'],
    ['Looking Ahead To The Summit', 'Looking Ahead to the Summit'],
    ['iPhone sales in the e-commerce era', 'iPhone Sales in the E-Commerce Era'],
    ['anti-inflation measures and self-reliance', 'Anti-inflation Measures and Self-Reliance'],
    ['USIP and the OR case', 'USIP and the OR Case'],
    ['“quoted words” in a title', '“Quoted Words” in a Title'],
  ])('turns %j into %j', (input, expected) => {
    expect(headlineCase(input)).toBe(expected);
  });
});

describe('initials', () => {
  test.each([
    ['Carla', 'C.'],
    ['Ana María', 'A. M.'],
    ['Jean-Paul', 'J.-P.'],
    ['J. Q.', 'J. Q.'],
  ])('abbreviates %s as %s', (given, expected) => {
    expect(initials(given)).toBe(expected);
  });
});

/**
 * The brace depth BibTeX 0.99d sees through a record: it counts every `{` and `}`, a backslash
 * before one included, and drops the entry if a field's braces do not balance.
 */
function braceDepths(record: string): { lowest: number; end: number } {
  let depth = 0;
  let lowest = 0;
  for (const c of record) {
    if (c === '{') depth += 1;
    if (c === '}') depth -= 1;
    lowest = Math.min(lowest, depth);
  }
  return { lowest, end: depth };
}

/** What LaTeX prints for the escapes (from the LaTeX2e text-symbol commands), for reading back. */
const LATEX_PRINTS: [RegExp, string][] = [
  [/\{\\textbackslash\}/g, '\\'],
  [/\{\\textbraceleft\}/g, '{'],
  [/\{\\textbraceright\}/g, '}'],
  [/\{\\textless\}/g, '<'],
  [/\{\\textgreater\}/g, '>'],
  [/\{\\textbar\}/g, '|'],
  [/\{\\textasciitilde\}/g, '~'],
  [/\{\\textasciicircum\}/g, '^'],
  [/\\([&%$#_])/g, '$1'],
];
const printed = (latex: string) => LATEX_PRINTS.reduce((text, [from, to]) => text.replace(from, to), latex);

describe('escapeBibtex', () => {
  test.each([
    ['R&D', 'R\\&D'],
    ['a_b #1 $2', 'a\\_b \\#1 \\$2'],
    ['back\\slash ~ ^', 'back{\\textbackslash}slash {\\textasciitilde} {\\textasciicircum}'],
    ['line\nbreak', 'line break'],
  ])('escapes %j', (input, expected) => {
    expect(escapeBibtex(input)).toBe(expected);
  });

  test.each([
    ['a lone closing brace', 'Exp}ert'],
    ['braces the wrong way round', 'Exp\\}ert\\{ } {'],
    ['a balanced pair', '50% of {all}'],
    ['angle brackets and a bar', 'a < b > c | d'],
    ['every special at once', '\\{}&%$#_~^<>|'],
  ])('keeps %s balanced for BibTeX and printing as typed', (_, input) => {
    const escaped = escapeBibtex(input);
    // No brace of the text reaches BibTeX: the only braces left enclose one command, `{\textless}`.
    expect(escaped.replace(/\{\\[a-z]+\}/g, '')).not.toMatch(/[{}]/);
    expect(escaped).not.toMatch(/[<>|]/);
    expect(printed(escaped)).toBe(input);
  });
});

describe('a BibTeX record with hostile text in every field', () => {
  const hostile = commentaryWork(
    { question: 'Is {a} < b > c | d? }{' },
    { ...analysis, title: 'Unbalanced } title {', source: { ...analysis.source, name: 'R&D {Lab' } },
    { givenName: 'Ana\\{', familyName: 'Exp\\}ert\\{' },
    'https://example.org/pub/commentaries/g20-summit/x/',
    PUBLICATION,
  );
  const record = bibtex(hostile);

  test('keeps the braces of the record and of each field balanced, as BibTeX counts them', () => {
    expect(braceDepths(record)).toEqual({ lowest: 0, end: 0 });
    for (const line of record.split('\n').filter((l) => l.includes(' = {'))) {
      const value = line.slice(line.indexOf(' = ') + 3).replace(/,$/, '');
      expect(braceDepths(value), line).toEqual({ lowest: 0, end: 0 });
    }
  });

  test('prints the characters typed', () => {
    expect(printed(record)).toContain('author = {Exp\\}ert\\{, Ana\\{}');
    expect(printed(record)).toContain('title = {{Is {a} < b > c | d? }{}}');
    expect(printed(record)).toContain('booktitle = {Unbalanced } title {}');
  });
});

describe('citation keys', () => {
  test('are made of the family name in ASCII, the year and the analysis id', () => {
    expect(commentary.key).toBe('lopezortiz2023-g20-summit');
    expect(whole.key).toBe('g20-summit');
  });
});

describe('citationFile', () => {
  test.each([
    ['bib', 'application/x-bibtex; charset=utf-8', '@incollection{'],
    ['ris', 'application/x-research-info-systems; charset=utf-8', 'TY  - CHAP'],
  ] as const)('serves %s as %s', (format, type, start) => {
    const file = citationFile(format, commentary);
    expect(file.type).toBe(type);
    expect(file.body.startsWith(start)).toBe(true);
  });
});

describe('paragraphCitations', () => {
  test('point at a paragraph of a commentary by its one author', () => {
    expect(paragraphCitations(commentary, 3)).toEqual({
      apa: '(López-Ortiz, 2023, para. 3)',
      chicago: '(López-Ortiz 2023, para. 3)',
      mla: '(López-Ortiz, par. 3)',
    });
  });

  test.each([
    [
      2,
      '(Diallo & Okafor, 2023, para. 1)',
      '(Diallo and Okafor 2023, para. 1)',
      '(Diallo and Okafor, par. 1)',
    ],
    [
      3,
      '(Diallo et al., 2023, para. 1)',
      '(Diallo, Okafor, and Chen 2023, para. 1)',
      '(Diallo et al., par. 1)',
    ],
  ])('name %i authors as each style does', (n, apaText, chicagoText, mlaText) => {
    const work = { ...whole, authors: authors.slice(0, n) };
    expect(paragraphCitations(work, 1)).toEqual({ apa: apaText, chicago: chicagoText, mla: mlaText });
  });
});
