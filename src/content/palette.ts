/**
 * The page colours an accent is read against, as `src/styles/tokens.css` sets them (its test keeps
 * the two in step), and the contrast check of the accent colour `site.yml` gives for each mode.
 */
import { AA_TEXT, contrastRatio, formatRatio, nearestPassing, normalizeHex } from '../util/contrast.ts';

/** Colour schemes, each with the backgrounds links and buttons sit on. */
export const PAGE_BACKGROUNDS = {
  light: { background: '#fdfcfa', surface: '#f3f1ec' },
  dark: { background: '#15171a', surface: '#1f2226' },
} as const;

/** A colour scheme of the site. */
export type Scheme = keyof typeof PAGE_BACKGROUNDS;

/**
 * Why an accent colour is refused in one scheme, or undefined when it reaches WCAG AA (4.5:1)
 * against every background of that scheme: the measured ratios and the nearest colour that passes.
 */
export function accentContrastProblem(hex: string, scheme: Scheme): string | undefined {
  const colour = normalizeHex(hex);
  const backgrounds = Object.entries(PAGE_BACKGROUNDS[scheme]);
  const failing = backgrounds
    .map(([name, bg]) => ({ name, bg, ratio: contrastRatio(colour, bg) }))
    .filter(({ ratio }) => ratio < AA_TEXT);
  if (failing.length === 0) return undefined;
  const measured = failing.map(
    ({ name, bg, ratio }) => `${formatRatio(ratio)} against the ${scheme} ${name} ${bg}`,
  );
  const direction = scheme === 'light' ? 'darker' : 'lighter';
  const nearest = nearestPassing(colour, Object.values(PAGE_BACKGROUNDS[scheme]), direction);
  const fix = nearest ? `use a ${direction} colour, e.g. "${nearest}"` : `use a ${direction} colour`;
  return `${colour} has a contrast of only ${measured.join(' and ')}; links and text need at least ${AA_TEXT}:1 (WCAG AA): ${fix}`;
}
