import { describe, expect, test } from 'vitest';
import {
  AA_TEXT,
  contrastRatio,
  formatRatio,
  nearestPassing,
  normalizeHex,
  relativeLuminance,
} from './contrast.ts';

describe('relativeLuminance', () => {
  test.each([
    ['#000000', 0],
    ['#ffffff', 1],
    ['#fff', 1],
    // WCAG's own worked value for mid grey (#777777 ≈ 0.184).
    ['#777777', 0.1845],
  ])('%s is %d', (hex, luminance) => {
    expect(relativeLuminance(hex)).toBeCloseTo(luminance, 3);
  });
});

describe('contrastRatio', () => {
  test.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#000000', 21],
    ['#767676', '#ffffff', 4.54], // the lightest grey that passes AA on white
    ['#777777', '#ffffff', 4.48], // one step lighter fails
    ['#abcdef', '#abcdef', 1],
  ])('%s on %s is %d:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });
});

describe('formatRatio', () => {
  test('rounds down, so a failing ratio never reads as passing', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(formatRatio(21)).toBe('21.00:1');
  });
});

describe('normalizeHex', () => {
  test('expands short forms and lower-cases', () => {
    expect(normalizeHex('#ABC')).toBe('#aabbcc');
    expect(normalizeHex(' #1F4E8C ')).toBe('#1f4e8c');
  });
  test.each(['1f4e8c', '#12345', 'blue', '#ggg'])('refuses %s', (value) => {
    expect(() => normalizeHex(value)).toThrow(/not a #rrggbb colour/);
  });
});

describe('nearestPassing', () => {
  test('darkens a pale colour just enough to pass on every background', () => {
    const found = nearestPassing('#88aaff', ['#ffffff', '#f3f1ec'], 'darker');
    expect(found).toBeDefined();
    expect(contrastRatio(found!, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(found!, '#f3f1ec')).toBeGreaterThanOrEqual(AA_TEXT);
    // Not simply black: only as dark as it needs to be.
    expect(relativeLuminance(found!)).toBeGreaterThan(0.1);
  });
  test('keeps a colour that already passes', () => {
    expect(nearestPassing('#1f4e8c', ['#fdfcfa'], 'darker')).toBe('#1f4e8c');
  });
  test('lightens for dark backgrounds', () => {
    const found = nearestPassing('#1f4e8c', ['#15171a'], 'lighter');
    expect(contrastRatio(found!, '#15171a')).toBeGreaterThanOrEqual(AA_TEXT);
  });
  test('gives up when even black cannot reach the ratio', () => {
    expect(nearestPassing('#777777', ['#333333'], 'darker')).toBeUndefined();
  });
});
