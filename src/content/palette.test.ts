import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { contrastRatio } from '../util/contrast.ts';
import { accentContrastProblem, PAGE_BACKGROUNDS } from './palette.ts';

describe('PAGE_BACKGROUNDS', () => {
  // The check must measure against the colours readers actually get.
  const tokens = readFileSync(new URL('../styles/tokens.css', import.meta.url), 'utf8');
  const [light, dark] = tokens.split('prefers-color-scheme: dark') as [string, string];
  test.each([
    ['light', light],
    ['dark', dark],
  ] as const)('match the %s tokens of tokens.css', (scheme, css) => {
    expect(css).toContain(`--color-bg: ${PAGE_BACKGROUNDS[scheme].background};`);
    expect(css).toContain(`--color-surface: ${PAGE_BACKGROUNDS[scheme].surface};`);
  });
});

describe('accentContrastProblem', () => {
  test.each([
    ['#1f4e8c', 'light'],
    ['#8db8ff', 'dark'],
  ] as const)('accepts %s in %s mode', (hex, scheme) => {
    expect(accentContrastProblem(hex, scheme)).toBeUndefined();
  });

  test('refuses a pale accent in light mode with the measured ratios and a darker colour that passes', () => {
    const problem = accentContrastProblem('#7aa2d6', 'light');
    expect(problem).toMatch(
      /^#7aa2d6 has a contrast of only \d\.\d\d:1 against the light background #fdfcfa and \d\.\d\d:1 against the light surface #f3f1ec; links and text need at least 4\.5:1 \(WCAG AA\): use a darker colour, e\.g\. "#[0-9a-f]{6}"$/,
    );
    const suggested = /"(#[0-9a-f]{6})"/.exec(problem!)![1]!;
    expect(accentContrastProblem(suggested, 'light')).toBeUndefined();
  });

  test('refuses a dark accent in dark mode and suggests a lighter one', () => {
    const problem = accentContrastProblem('#1f4e8c', 'dark');
    expect(problem).toMatch(/against the dark background #15171a .*use a lighter colour/);
    const ratio = contrastRatio('#1f4e8c', PAGE_BACKGROUNDS.dark.background);
    expect(problem).toContain(`${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`);
  });

  test('names only the backgrounds that fail', () => {
    // Passes on the light page background (4.5+) but not on the darker surface.
    const hex = '#717171';
    expect(contrastRatio(hex, PAGE_BACKGROUNDS.light.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hex, PAGE_BACKGROUNDS.light.surface)).toBeLessThan(4.5);
    const problem = accentContrastProblem(hex, 'light')!;
    expect(problem).toContain('light surface');
    expect(problem).not.toContain('light background');
  });
});
