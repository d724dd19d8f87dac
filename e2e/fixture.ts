/**
 * The fixture content the main browser suites run on (e2e/fixtures/content, described in
 * e2e/README.md), read from its files so that the tests' expectations come from the fixture itself,
 * never from what the code computes from it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import yaml from 'js-yaml';

const DIR = new URL('./fixtures/content/', import.meta.url);

/** Frontmatter (YAML with dates kept as written) and body of a fixture file. */
function read(path: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(new URL(path, DIR), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`e2e/fixtures/content/${path}: no frontmatter`);
  return {
    data: yaml.load(match[1]!, { schema: yaml.JSON_SCHEMA }) as Record<string, unknown>,
    body: match[2]!,
  };
}

/** The ids of a collection: its file names without `.md`, sorted. */
export function fixtureIds(collection: 'analyses' | 'experts' | 'themes'): string[] {
  return readdirSync(new URL(`${collection}/`, DIR))
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
}

export interface FixtureExpert {
  id: string;
  name: string;
  givenName: string;
  familyName: string;
  affiliation: string;
  role?: string;
  portrait?: { file: string; alt: string; credit: string };
  links?: { orcid?: string; institution?: string; social?: string[] };
  /** The bio's paragraphs as plain words (the file's body), if it has one. */
  bio: string[];
}

export function expert(id: string): FixtureExpert {
  const { data, body } = read(`experts/${id}.md`);
  const bio = body
    .split(/\n\s*\n/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return { id, ...(data as Omit<FixtureExpert, 'id' | 'bio'>), bio };
}

export interface FixtureAnalysis {
  id: string;
  title: string;
  published: string;
  source: { name: string; url: string };
  /** The editors' takeaways, when the fixture gives some. */
  takeaways?: string[];
  photo?: { caption: string; credit: string; file?: string; alt?: string };
}

export function analysis(id: string): FixtureAnalysis {
  const { data } = read(`analyses/${id}.md`);
  return { id, ...(data as Omit<FixtureAnalysis, 'id' | 'published'>), published: String(data.published) };
}

export function theme(id: string): { id: string; title: string; terms: string[] } {
  return { id, ...(read(`themes/${id}.md`).data as { title: string; terms: string[] }) };
}

export interface FixtureCommentary {
  analysis: string;
  expert: string;
  question: string;
  order: number;
  themes: string[];
  /** The editors' bottom line, when the fixture gives one. */
  bottomLine?: string;
  /** The body's paragraphs, in order: each is one passage. */
  paragraphs: string[];
  /** Its page, relative to the base path. */
  path: string;
}

export function commentary(analysisId: string, expertId: string): FixtureCommentary {
  const { data, body } = read(`commentaries/${analysisId}/${expertId}.md`);
  return {
    ...(data as Omit<FixtureCommentary, 'paragraphs' | 'path'>),
    paragraphs: body
      .split(/\n\s*\n/)
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
    path: `commentaries/${analysisId}/${expertId}/`,
  };
}

/** The commentaries of an analysis, in their published order. */
export function commentariesOf(analysisId: string): FixtureCommentary[] {
  return readdirSync(new URL(`commentaries/${analysisId}/`, DIR))
    .filter((name) => name.endsWith('.md'))
    .map((name) => commentary(analysisId, name.slice(0, -3)))
    .sort((a, b) => a.order - b.order);
}

/** The permalink anchor of a passage: `p-` and its first six words as a slug (CONTRIBUTING.md). */
export function passageAnchor(text: string): string {
  const slug = text
    .split(/\s+/)
    .slice(0, 6)
    .join(' ')
    .toLowerCase()
    .replace(/[’'.:,]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `p-${slug}`;
}

export interface FixturePassage {
  analysis: string;
  expert: string;
  expertName: string;
  text: string;
  /** 1-based position in its commentary, as the ¶ number shows it. */
  number: number;
  /** Its commentary's page relative to the base path, and its anchor there. */
  path: string;
  anchor: string;
}

/** The passage of a fixture commentary that begins with `opening`; throws if the fixture has none. */
export function passage(analysisId: string, expertId: string, opening: string): FixturePassage {
  const c = commentary(analysisId, expertId);
  const index = c.paragraphs.findIndex((p) => p.startsWith(opening));
  if (index < 0) throw new Error(`No passage of ${c.path} begins “${opening}”: was the fixture changed?`);
  const text = c.paragraphs[index]!;
  return {
    analysis: analysisId,
    expert: expertId,
    expertName: expert(expertId).name,
    text,
    number: index + 1,
    path: c.path,
    anchor: passageAnchor(text),
  };
}
