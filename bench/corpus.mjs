// Generates a synthetic corpus with the real content model: analyses, experts, themes and
// commentaries whose paragraphs are recombined, deterministically, from the real passages, so
// that theme tagging and search behave as they do on real text.

/** A small deterministic PRNG (mulberry32), so the same size always yields the same corpus. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Ana',
  'Ben',
  'Chen',
  'Dara',
  'Emeka',
  'Farah',
  'Goran',
  'Hana',
  'Ines',
  'Jun',
  'Kofi',
  'Lena',
];
const FAMILY = [
  'Abbott',
  'Bauer',
  'Castillo',
  'Dlamini',
  'Eriksen',
  'Fujita',
  'Grant',
  'Haddad',
  'Ivanova',
  'Jensen',
];

const yamlString = (s) => JSON.stringify(s);

/** A valid site.yml for a generated content folder: the name, publisher and description given. */
export function siteYml({ name, publisher, description }) {
  return [
    `name: ${yamlString(name)}`,
    'tagline: A generated publication.',
    `description: ${yamlString(description)}`,
    'language: en',
    'publisher:',
    `  name: ${yamlString(publisher)}`,
    'accent:',
    '  light: "#1f4e8c"',
    '  dark: "#8db8ff"',
    'footer:',
    '  text: A generated publication.',
    '',
  ].join('\n');
}

/**
 * Builds the files of a corpus with `count` commentaries.
 * `passages` are the real passages ({ text, themes }) and `themes` the real theme files ({ id, source }).
 * Returns a map from path (relative to the content folder) to file text.
 */
export function generateCorpus({ count, passages, themes, questions, title }) {
  const rand = random(count);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const files = new Map();
  const perAnalysis = 3;
  const analysisCount = Math.ceil(count / perAnalysis);
  const expertCount = Math.max(perAnalysis, Math.round(Math.sqrt(count) * 2));

  for (const theme of themes) files.set(`themes/${theme.id}.md`, theme.source);
  // The publication's identity (site.yml), which every content folder needs.
  files.set(
    'site.yml',
    siteYml({
      name: 'Synthetic Review',
      publisher: 'Synthetic Institute',
      description: `${count} generated commentaries.`,
    }),
  );

  const experts = Array.from({ length: expertCount }, (_, i) => {
    const given = GIVEN[i % GIVEN.length];
    const family = `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}${i >= GIVEN.length * FAMILY.length ? `-${i}` : ''}`;
    const id = `expert-${String(i + 1).padStart(4, '0')}`;
    files.set(
      `experts/${id}.md`,
      `---\nname: ${yamlString(`${given} ${family}`)}\ngivenName: ${yamlString(given)}\nfamilyName: ${yamlString(family)}\naffiliation: Synthetic Institute\n---\n`,
    );
    return id;
  });

  let made = 0;
  for (let a = 0; a < analysisCount && made < count; a++) {
    const id = `analysis-${String(a + 1).padStart(5, '0')}`;
    const year = 2000 + (Math.floor(a / 12) % 25);
    const month = String((a % 12) + 1).padStart(2, '0');
    const intro = [pick(passages).text, pick(passages).text].join('\n\n');
    files.set(
      `analyses/${id}.md`,
      [
        '---',
        `title: ${yamlString(`${title} (${a + 1})`)}`,
        `dek: ${yamlString(`Synthetic analysis number ${a + 1}, recombined from real commentary for benchmarking.`)}`,
        `published: ${year}-${month}`,
        'source:',
        '  name: Synthetic Institute',
        `  url: https://example.org/analyses/${id}`,
        '---',
        '',
        intro,
        '',
      ].join('\n'),
    );
    const start = Math.floor(rand() * experts.length);
    for (let order = 1; order <= perAnalysis && made < count; order++, made++) {
      const expert = experts[(start + order) % experts.length];
      const size = 3 + Math.floor(rand() * 4);
      const chosen = [];
      while (chosen.length < size) {
        const passage = pick(passages);
        if (!chosen.includes(passage)) chosen.push(passage);
      }
      const declared = [...new Set(chosen.flatMap((p) => p.themes))].sort();
      if (declared.length === 0) declared.push(...chosen[0].themes);
      files.set(
        `commentaries/${id}/${expert}.md`,
        [
          '---',
          `analysis: ${id}`,
          `expert: ${expert}`,
          `question: ${yamlString(pick(questions))}`,
          `order: ${order}`,
          'themes:',
          ...declared.map((t) => `  - ${t}`),
          '---',
          '',
          chosen.map((p) => p.text).join('\n\n'),
          '',
        ].join('\n'),
      );
    }
  }
  return files;
}
