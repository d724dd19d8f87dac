import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { BASE, DIST } from '../env.ts';
import { builtHtmlFiles } from '../site.ts';

test('reading pages ship one tiny script and no search code', () => {
  const scripts = new Set<string>();
  for (const { url, file } of builtHtmlFiles()) {
    if (url === `${BASE}search/`) continue;
    const html = readFileSync(file, 'utf8');
    const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    const code = tags.filter((tag) => !/type="application\/(?:ld\+)?json"/.test(tag));
    expect(code, url).toHaveLength(1);
    const src = /\ssrc="([^"]+)"/.exec(code[0]!)?.[1];
    expect(src, `${url}: the script is a file of the site, not inline`).toBeDefined();
    expect(html, url).not.toMatch(/pagefind/i);
    scripts.add(src!);
  }
  // The same file everywhere: `/` to search and the highlight on landing (src/search/browser/reading.ts).
  expect(scripts.size).toBe(1);
  const [src] = [...scripts];
  const body = readFileSync(join(DIST, src!.slice(BASE.length)));
  expect(gzipSync(body).length, 'gzipped size of the reading-page script').toBeLessThan(2048);
  const text = body.toString('utf8');
  expect(text, 'it loads nothing else').not.toMatch(/\bimport\b/);
  expect(text).not.toMatch(/pagefind/i);
});

test('no page carries inline scripts or styles, which the Content-Security-Policy would block', () => {
  for (const { url, file } of builtHtmlFiles()) {
    const html = readFileSync(file, 'utf8');
    expect(html, url).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; base-uri 'self'; form-action 'self'">`,
    );
    expect(
      html.match(/<script\b(?![^>]*\ssrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>/g),
      url,
    ).toBeNull();
    expect(html.match(/<style\b/g), url).toBeNull();
    expect(html.match(/\sstyle="/g), url).toBeNull();
    expect(html.match(/\son[a-z]+="/g), url).toBeNull();
  }
});

test('every page is valid HTML', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Astro writes void elements without the slash.
      'void-style': 'off',
      // Typographic quotes are the experts' own; the rule wants HTML entities instead.
      'no-raw-characters': 'off',
      'long-title': 'off',
      // A facet is a group of checkboxes sharing one name (`?expert=a&expert=b`), as HTML forms
      // intend; the rule allows that for radio buttons only unless told.
      'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
    },
  });
  const failures: string[] = [];
  for (const { url, file } of builtHtmlFiles()) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages)
        failures.push(`${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(failures).toEqual([]);
});
