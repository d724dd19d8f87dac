/**
 * WCAG 2.2 colour contrast, for the accent colour an editor picks in `site.yml`: relative
 * luminance, contrast ratio, and a suggestion of the nearest colour that passes.
 */

/** `#rgb` or `#rrggbb`, any case. */
export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The contrast WCAG 2.2 AA asks of text and links against their background (1.4.3). */
export const AA_TEXT = 4.5;

/** A colour as lower-case `#rrggbb`; `#abc` becomes `#aabbcc`. Throws on anything else. */
export function normalizeHex(hex: string): string {
  const value = hex.trim().toLowerCase();
  if (!HEX_COLOUR.test(value)) throw new Error(`"${hex}" is not a #rrggbb colour`);
  return value.length === 4 ? `#${[...value.slice(1)].map((c) => c + c).join('')}` : value;
}

/** The red, green and blue channels, 0–255. */
function channels(hex: string): [number, number, number] {
  const value = normalizeHex(hex);
  return [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** A ratio as editors read it: rounded down to two decimals, so 4.499 never shows as 4.50. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

const hex2 = (n: number) => Math.round(n).toString(16).padStart(2, '0');

/** Mixes `hex` toward `target` by `amount` (0 keeps it, 1 gives the target). */
function mix(hex: string, target: string, amount: number): string {
  const a = channels(hex);
  const b = channels(target);
  return `#${a.map((c, i) => hex2(c + (b[i]! - c) * amount)).join('')}`;
}

/**
 * The colour nearest to `hex` toward black (`darker`) or white that reaches `minimum` against every
 * background, in steps of 1 %; undefined if even black or white does not.
 */
export function nearestPassing(
  hex: string,
  backgrounds: readonly string[],
  direction: 'darker' | 'lighter',
  minimum = AA_TEXT,
): string | undefined {
  const target = direction === 'darker' ? '#000000' : '#ffffff';
  for (let step = 0; step <= 100; step += 1) {
    const candidate = mix(hex, target, step / 100);
    if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= minimum)) return candidate;
  }
  return undefined;
}
