/**
 * Citations built from the content: Chicago (17th ed., bibliography entry), APA (7th ed.) and MLA
 * (9th ed.) for readers, BibTeX and RIS records for reference managers, and the Highwire Press
 * `citation_*` tags that Google Scholar and Zotero read.
 *
 * An analysis is cited as a standalone publication by all its experts; a commentary as a part of
 * that publication, by its expert. The publisher is the source's when the analysis first appeared
 * elsewhere, else the publication's own (`site.yml`); the date is at exactly the precision the
 * source supports; the URL is the page on this site (where the passage anchors are),
 * and the original address goes in the records' notes.
 */
import { escapeHtml } from '../util/escape.ts';
import { remembered } from '../util/memo.ts';
import { MONTHS, type PartialDate } from '../util/dates.ts';
import type { Analysis, Commentary, SiteModel } from '../model/model.ts';
import { CITATION_FORMATS, paths, type CitationFormat, type LinkContext } from './urls.ts';

/** A person as citations name them. */
export interface CitedPerson {
  givenName: string;
  familyName: string;
}

/** Everything a citation says about a work. */
export interface CitedWork {
  /** `standalone` for an analysis; `part` for a commentary inside one (its `container`). */
  kind: 'standalone' | 'part';
  /** The BibTeX key: unique on the site and stable across builds. */
  key: string;
  authors: CitedPerson[];
  /** The title exactly as published. */
  title: string;
  /** For a part: the title of the publication it appears in. */
  container?: string;
  publisher: string;
  published: PartialDate;
  /** Absolute URL of the work's page on this site. */
  url: string;
  /** Absolute URL where the work first appeared, if elsewhere. */
  original?: string;
  /** BCP 47 language of the text. */
  language: string;
}

/** A formatted citation: plain text to copy and paste, HTML (titles in italics) to show. */
export interface FormattedCitation {
  text: string;
  html: string;
}

/** The reader-facing styles, in the order the page shows them. */
export const CITATION_STYLES = [
  { id: 'chicago', name: 'Chicago' },
  { id: 'apa', name: 'APA' },
  { id: 'mla', name: 'MLA' },
] as const;

/** One of the reader-facing styles. */
export type CitationStyle = (typeof CITATION_STYLES)[number]['id'];

/** Plain text, or text set in italics. */
type Piece = string | { italic: string };

/** MLA abbreviates months longer than four letters. */
const MLA_MONTHS = [
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function render(pieces: readonly Piece[]): FormattedCitation {
  return {
    text: pieces.map((p) => (typeof p === 'string' ? p : p.italic)).join(''),
    html: pieces
      .map((p) => (typeof p === 'string' ? escapeHtml(p) : `<i>${escapeHtml(p.italic)}</i>`))
      .join(''),
  };
}

/** The period that closes an element, unless the element already ends in . ? or ! */
function period(text: string): string {
  return /[.?!]$/.test(text) ? '' : '.';
}

// Articles, coordinating conjunctions, prepositions, "as" and the infinitive "to": the words
// Chicago (8.159) and MLA lowercase inside a title. Particles often used adverbially in headlines
// (up, down, out, off) are left out on purpose: "Stepping Up" keeps its capital.
const MINOR_WORDS = new Set(
  (
    'a an the and but or nor for so yet as to about above across after against along amid among ' +
    'around at before behind below beneath beside besides between beyond by despite during except ' +
    'from in inside into like near of on onto outside over past per since through throughout till ' +
    'toward towards under underneath unlike until upon versus via vs. v. with within without'
  ).split(' '),
);

// Prefixes that cannot stand alone: in "Anti-inflation" the second element stays lowercase (Chicago 8.161).
const PREFIXES = new Set(
  'anti co counter de extra inter intra macro micro mid multi non post pre pro pseudo re semi sub trans ultra un'.split(
    ' ',
  ),
);

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Cases one element of a (possibly hyphenated) word; `edge` forces a capital. */
function caseElement(element: string, edge: boolean): string {
  const lower = element.toLowerCase();
  if (!edge && MINOR_WORDS.has(lower)) {
    // "About" → "about", but an all-capitals "OR" (a state, an acronym) is left alone.
    return element === capitalize(lower) ? lower : element;
  }
  // Only an all-lowercase word is capitalized: "iPhone", "U.S." and "NATO" carry their own capitals.
  return /^\p{Ll}[\p{Ll}\p{M}’'.]*$/u.test(element) ? capitalize(element) : element;
}

/**
 * Headline-style capitalization (Chicago 8.159, MLA 1.2): capitalizes every word but articles,
 * coordinating conjunctions, prepositions and "to", except as the first or last word or the first
 * word of a subtitle. Capitals already in the title are kept, so proper nouns survive.
 */
export const headlineCase = remembered(headlineCaseOf);

/** Headline case, computed: `headlineCase` remembers it for each title (a page cites its title four times). */
function headlineCaseOf(title: string): string {
  const tokens = title.split(/(\s+)/);
  const words = tokens.map((t, i) => (t.trim() === '' ? -1 : i)).filter((i) => i >= 0);
  words.forEach((index, n) => {
    const previous = n > 0 ? tokens[words[n - 1]!]! : '';
    const edge = n === 0 || n === words.length - 1 || /[:?!—]$/.test(previous);
    const match = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}.]*)$/u.exec(tokens[index]!)!;
    const [, lead = '', core = '', trail = ''] = match;
    const elements = core.split('-');
    const cased = elements.map((element, i) => {
      if (i === 0) return caseElement(element, edge);
      if (PREFIXES.has(elements[0]!.toLowerCase())) return element;
      return caseElement(element, false);
    });
    tokens[index] = lead + cased.join('-') + trail;
  });
  return tokens.join('');
}

/** Joins names with commas and a final ", and" (the serial comma Chicago and MLA use). */
function serial(names: readonly string[], and = 'and'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}, ${and} ${names.at(-1)}`;
}

const inverted = (p: CitedPerson) => `${p.familyName}, ${p.givenName}`;
const direct = (p: CitedPerson) => `${p.givenName} ${p.familyName}`;

/** APA initials: "Ana María" → "A. M.", "Jean-Paul" → "J.-P." */
export function initials(givenName: string): string {
  return givenName
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .map((part) => `${[...part][0]!.toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
}

/** Chicago 14.76: the first author inverted; more than ten authors → the first seven, et al. */
function chicagoAuthors(authors: readonly CitedPerson[]): string {
  const names = authors.map((p, i) => (i === 0 ? inverted(p) : direct(p)));
  if (names.length > 10) return `${names.slice(0, 7).join(', ')}, et al.`;
  return serial(names);
}

/** APA 9.8: all authors up to twenty with "&"; beyond, the first nineteen, an ellipsis and the last. */
function apaAuthors(authors: readonly CitedPerson[]): string {
  const names = authors.map((p) => `${p.familyName}, ${initials(p.givenName)}`);
  if (names.length > 20) return `${names.slice(0, 19).join(', ')}, . . . ${names.at(-1)}`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

/** MLA 2.1: one author inverted; two joined by "and"; three or more → the first, et al. */
function mlaAuthors(authors: readonly CitedPerson[]): string {
  if (authors.length === 0) return '';
  if (authors.length >= 3) return `${inverted(authors[0]!)}, et al.`;
  return serial(authors.map((p, i) => (i === 0 ? inverted(p) : direct(p))));
}

/** "April 26, 2024", "April 2024" or "2024". */
function chicagoDate(d: PartialDate): string {
  if (d.month === undefined) return String(d.year);
  const month = MONTHS[d.month - 1];
  return d.day === undefined ? `${month} ${d.year}` : `${month} ${d.day}, ${d.year}`;
}

/** "2024, April 26", "2024, April" or "2024" (without the parentheses). */
function apaDate(d: PartialDate): string {
  if (d.month === undefined) return String(d.year);
  const month = MONTHS[d.month - 1];
  return d.day === undefined ? `${d.year}, ${month}` : `${d.year}, ${month} ${d.day}`;
}

/** "26 Apr. 2024", "Apr. 2024" or "2024". */
function mlaDate(d: PartialDate): string {
  if (d.month === undefined) return String(d.year);
  const month = MLA_MONTHS[d.month - 1];
  return d.day === undefined ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}

/** An author element followed by its period and a space, or nothing for a work without authors. */
function byline(names: string): string {
  return names === '' ? '' : `${names}${period(names)} `;
}

/** Chicago bibliography entry: a standalone work in italics, a part in quotation marks "In" its container. */
export function chicago(work: CitedWork): FormattedCitation {
  const title = headlineCase(work.title);
  const pieces: Piece[] = [byline(chicagoAuthors(work.authors))];
  if (work.kind === 'part' && work.container) {
    const container = headlineCase(work.container);
    pieces.push(`“${title}${period(title)}” In `, { italic: container }, period(container));
  } else {
    pieces.push({ italic: title }, period(title));
  }
  pieces.push(` ${work.publisher}, ${chicagoDate(work.published)}. ${work.url}.`);
  return render(pieces);
}

/**
 * APA reference. Titles keep the capitalization they were published with: APA asks for sentence
 * case, which cannot be derived safely (it would lowercase proper nouns such as "Paris").
 */
export function apa(work: CitedWork): FormattedCitation {
  const authors = apaAuthors(work.authors);
  const date = `(${apaDate(work.published)}).`;
  const pieces: Piece[] = [authors === '' ? '' : `${authors}${period(authors)} `, `${date} `];
  if (work.kind === 'part' && work.container) {
    pieces.push(`${work.title}${period(work.title)} In `, { italic: work.container }, period(work.container));
  } else {
    pieces.push({ italic: work.title }, period(work.title));
  }
  pieces.push(` ${work.publisher}. ${work.url}`);
  return render(pieces);
}

/**
 * MLA works-cited entry: the part in quotation marks, its container in italics, the URL without
 * its scheme. A container title ending in "?" keeps the comma that follows it, as MLA 9 does.
 */
export function mla(work: CitedWork): FormattedCitation {
  const title = headlineCase(work.title);
  const location = work.url.replace(/^https?:\/\//, '');
  const pieces: Piece[] = [byline(mlaAuthors(work.authors))];
  if (work.kind === 'part' && work.container) {
    const container = headlineCase(work.container);
    pieces.push(`“${title}${period(title)}” `, { italic: container }, ',');
  } else {
    pieces.push({ italic: title }, period(title));
  }
  pieces.push(` ${work.publisher}, ${mlaDate(work.published)}, ${location}.`);
  return render(pieces);
}

/** Formats a work in one of the reader-facing styles. */
export function formatCitation(style: CitationStyle, work: CitedWork): FormattedCitation {
  return { chicago, apa, mla }[style](work);
}

/**
 * In-text citations that point at a numbered paragraph, for sources without page numbers:
 * APA "(Doe, 2024, para. 3)", Chicago author-date "(Doe 2024, para. 3)", MLA "(Doe, par. 3)".
 */
export function paragraphCitations(work: CitedWork, paragraph: number): Record<CitationStyle, string> {
  const names = work.authors.map((p) => p.familyName);
  const first = names[0] ?? `“${work.title}”`;
  const year = work.published.year;
  const apaNames =
    names.length === 2 ? `${names[0]} & ${names[1]}` : names.length > 2 ? `${first} et al.` : first;
  const chicagoNames =
    names.length > 3 ? `${first} et al.` : names.length === 3 ? serial(names) : names.join(' and ') || first;
  const mlaNames = names.length > 2 ? `${first} et al.` : names.join(' and ') || first;
  return {
    chicago: `(${chicagoNames} ${year}, para. ${paragraph})`,
    apa: `(${apaNames}, ${year}, para. ${paragraph})`,
    mla: `(${mlaNames}, par. ${paragraph})`,
  };
}

/**
 * What each character that BibTeX or LaTeX reads specially becomes. Braces become text commands,
 * not `\{`: BibTeX 0.99d counts every brace, escaped or not, so a lone `\{` unbalances the field
 * and loses the whole entry. `<`, `>` and `|` would print as ¡, ¿ and — in LaTeX's default (OT1)
 * font encoding, so they become the commands that print them in any encoding. Each command is a
 * BibTeX "special character", `{\textless}`: styles that change case leave its name alone, and
 * sorting reads it as one character, not as the letters of its name.
 */
const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '{\\textbackslash}',
  '{': '{\\textbraceleft}',
  '}': '{\\textbraceright}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '{\\textasciitilde}',
  '^': '{\\textasciicircum}',
  '<': '{\\textless}',
  '>': '{\\textgreater}',
  '|': '{\\textbar}',
};

/**
 * Escapes the characters that BibTeX and LaTeX treat specially, so that the field parses in BibTeX
 * and biber (its braces stay balanced whatever the text) and prints the characters typed.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^<>|]/g, (c) => BIBTEX_SPECIALS[c]!).replace(/\s+/g, ' ');
}

/**
 * A BibTeX record: `@incollection` for a commentary (Zotero reads it as a book section), `@misc`
 * for an analysis. The title is double-braced so that styles do not lowercase its proper nouns.
 * BibTeX has no day field: a day-precise date keeps its year and month.
 */
export function bibtex(work: CitedWork): string {
  const part = work.kind === 'part' && work.container !== undefined;
  const fields: [string, string][] = [
    ['author', `{${work.authors.map((p) => escapeBibtex(inverted(p))).join(' and ')}}`],
    ['title', `{{${escapeBibtex(work.title)}}}`],
  ];
  if (part) {
    fields.push(['booktitle', `{${escapeBibtex(work.container!)}}`]);
    fields.push(['publisher', `{${escapeBibtex(work.publisher)}}`]);
  } else {
    fields.push(['howpublished', `{${escapeBibtex(work.publisher)}}`]);
  }
  fields.push(['year', `{${work.published.year}}`]);
  if (work.published.month !== undefined) fields.push(['month', BIBTEX_MONTHS[work.published.month - 1]!]);
  fields.push(['url', `{${work.url}}`]);
  if (work.original) fields.push(['note', `{First published at ${escapeBibtex(work.original)}}`]);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@${part ? 'incollection' : 'misc'}{${work.key},\n${body}\n}\n`;
}

/** RIS date: `YYYY/MM/DD/` with the unknown parts left empty, as the format asks. */
function risDate(d: PartialDate): string {
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${d.year}/${pad(d.month)}/${pad(d.day)}/`;
}

/**
 * An RIS record, with the CRLF line ends the format specifies: `CHAP` (book section, `T2` its
 * container) for a commentary, `ELEC` (web page) for an analysis. `PY` holds the year alone, `DA`
 * the date at its known precision.
 */
export function ris(work: CitedWork): string {
  const part = work.kind === 'part' && work.container !== undefined;
  const line = (value: string) => value.replace(/\s+/g, ' ').trim();
  const tags: [string, string][] = [
    ['TY', part ? 'CHAP' : 'ELEC'],
    ...work.authors.map((p): [string, string] => ['AU', line(inverted(p))]),
    ['TI', line(work.title)],
    ['T2', line(part ? work.container! : work.publisher)],
    ['PB', line(work.publisher)],
    ['PY', String(work.published.year)],
    ['DA', risDate(work.published)],
    ['UR', work.url],
  ];
  if (work.original) tags.push(['N1', `First published at ${work.original}`]);
  tags.push(['LA', work.language], ['ER', '']);
  return tags.map(([tag, value]) => `${tag}  - ${value}\r\n`).join('');
}

/** Google Scholar dates: "2024/4/26" when the day is known, otherwise the year alone. */
function scholarDate(d: PartialDate): string {
  return d.month !== undefined && d.day !== undefined ? `${d.year}/${d.month}/${d.day}` : String(d.year);
}

/**
 * Highwire Press `<meta>` tags, as Google Scholar's inclusion guidelines describe them (one
 * `citation_author` per author); Zotero's page translator reads the same tags.
 */
export function scholarMeta(work: CitedWork): { name: string; content: string }[] {
  const tags: [string, string][] = [
    ['citation_title', work.title],
    ...work.authors.map((p): [string, string] => ['citation_author', inverted(p)]),
    ['citation_publication_date', scholarDate(work.published)],
  ];
  if (work.kind === 'part' && work.container) tags.push(['citation_inbook_title', work.container]);
  tags.push(
    ['citation_publisher', work.publisher],
    ['citation_fulltext_html_url', work.url],
    ['citation_language', work.language],
  );
  return tags.map(([name, content]) => ({ name, content }));
}

/** Lowercase ASCII letters and digits of a name, for citation keys: "López-Ortiz" → "lopezortiz". */
function keyWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Lowercase ASCII id for a citation key: BibTeX keys may not hold spaces, commas or braces. */
function keyId(id: string): string {
  return id
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
}

/** What the builders need of an analysis; `source` only when it first appeared elsewhere. */
export interface AnalysisFacts {
  id: string;
  title: string;
  published: PartialDate;
  source?: { name: string; url: string } | undefined;
}

/** What the builders need of the publication (`site.yml`): its publisher and language. */
export interface PublicationFacts {
  /** Publishes the analyses that did not first appear elsewhere. */
  publisher: string;
  language: string;
}

/** The publisher and original address of an analysis: its source's, or the publication's own. */
function provenance(analysis: AnalysisFacts, publication: PublicationFacts) {
  return analysis.source
    ? { publisher: analysis.source.name, original: analysis.source.url }
    : { publisher: publication.publisher };
}

/** Cites an analysis: every expert of its commentaries, in their published order, as an author. */
export function analysisWork(
  analysis: AnalysisFacts,
  authors: readonly CitedPerson[],
  url: string,
  publication: PublicationFacts,
): CitedWork {
  return {
    kind: 'standalone',
    key: keyId(analysis.id),
    authors: authors.map(({ givenName, familyName }) => ({ givenName, familyName })),
    title: analysis.title,
    ...provenance(analysis, publication),
    published: analysis.published,
    url,
    language: publication.language,
  };
}

/** Cites a commentary: its expert as author, the question as title, within its analysis. */
export function commentaryWork(
  commentary: { question: string },
  analysis: AnalysisFacts,
  expert: CitedPerson,
  url: string,
  publication: PublicationFacts,
): CitedWork {
  return {
    kind: 'part',
    key: `${keyWord(expert.familyName)}${analysis.published.year}-${keyId(analysis.id)}`,
    authors: [{ givenName: expert.givenName, familyName: expert.familyName }],
    title: commentary.question,
    container: analysis.title,
    ...provenance(analysis, publication),
    published: analysis.published,
    url,
    language: publication.language,
  };
}

const publication = (links: LinkContext): PublicationFacts => ({
  publisher: links.publisher.name,
  language: links.language,
});

/** The citation of an analysis page on this site. */
export function citeAnalysis(
  site: Pick<SiteModel, 'expert'>,
  analysis: Analysis,
  links: LinkContext,
): CitedWork {
  const authors = analysis.commentaries.map((c) => site.expert(c.expert));
  return analysisWork(
    analysis,
    authors,
    links.absolute(links.urls.analysis(analysis.id)),
    publication(links),
  );
}

/** The citation of a commentary page on this site. */
export function citeCommentary(
  site: Pick<SiteModel, 'expert' | 'analysis'>,
  commentary: Commentary,
  links: LinkContext,
): CitedWork {
  return commentaryWork(
    commentary,
    site.analysis(commentary.analysis),
    site.expert(commentary.expert),
    links.absolute(links.urls.commentary(commentary.id)),
    publication(links),
  );
}

/** A downloadable citation file: its text and media type. */
export function citationFile(format: CitationFormat, work: CitedWork): { body: string; type: string } {
  return format === 'bib'
    ? { body: bibtex(work), type: 'application/x-bibtex; charset=utf-8' }
    : { body: ris(work), type: 'application/x-research-info-systems; charset=utf-8' };
}

/** A file the build writes itself, outside Astro's routes: its path in the built site and its text. */
export interface WrittenFile {
  /** Relative to the site's root folder (no base path, no leading slash). */
  path: string;
  body: string;
}

/**
 * Every citation file of the site, for the build to write in one go (`integration.ts`): a BibTeX
 * and a RIS file for each analysis and each commentary, at the addresses its pages link to.
 */
export function citationFiles(
  site: Pick<SiteModel, 'analyses' | 'commentaries' | 'expert' | 'analysis'>,
  links: LinkContext,
): WrittenFile[] {
  const at = paths('/');
  const files: WrittenFile[] = [];
  const add = (work: CitedWork, where: (format: CitationFormat) => string) => {
    for (const format of CITATION_FORMATS)
      files.push({ path: where(format).slice(1), body: citationFile(format, work).body });
  };
  for (const analysis of site.analyses)
    add(citeAnalysis(site, analysis, links), (format) => at.analysisCitation(analysis.id, format));
  for (const commentary of site.commentaries)
    add(citeCommentary(site, commentary, links), (format) => at.commentaryCitation(commentary.id, format));
  return files;
}
