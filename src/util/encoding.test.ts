import { describe, expect, test } from 'vitest';
import { decodeUtf8, encodingMessage, firstInvalidUtf8 } from './encoding.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('firstInvalidUtf8', () => {
  test.each([
    ['ASCII', utf8('plain text'), -1],
    ['accents, CJK and an emoji', utf8('café Müller 台湾 🌊'), -1],
    ['a replacement character written on purpose', utf8('a \uFFFD b'), -1],
    ['Latin-1 é', latin1('café'), 3],
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['an overlong slash', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut short by the end', bytes(0x61, 0xe2, 0x82), 1],
    ['a sequence cut short by a newline', bytes(0xe2, 0x0a, 0x61), 0],
  ])('%s', (_case, input, expected) => {
    expect(firstInvalidUtf8(input)).toBe(expected);
  });

  test('agrees with the platform’s strict decoder on every two-byte input', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b += 3) {
        const input = bytes(a, b, 0x41);
        let valid = true;
        try {
          strict.decode(input);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(input) === -1, `bytes ${a} ${b}`).toBe(valid);
      }
    }
  });
});

describe('decodeUtf8', () => {
  test('decodes UTF-8', () => {
    expect(decodeUtf8(utf8('---\ntitle: Café\n---\n'))).toEqual({
      ok: true,
      text: '---\ntitle: Café\n---\n',
    });
  });

  test('drops a leading byte-order mark, and only that one', () => {
    expect(decodeUtf8(utf8('\uFEFF---\n---\nA\uFEFFB'))).toEqual({ ok: true, text: '---\n---\nA\uFEFFB' });
  });

  test('names the line of the first bad byte', () => {
    expect(decodeUtf8(latin1('---\nname: Jürgen\nfamilyName: Müller\n---\n'))).toEqual({
      ok: false,
      line: 2,
      byte: 0xfc,
    });
  });
});

describe('encodingMessage', () => {
  test('names the line and the byte, and says what to do', () => {
    expect(encodingMessage(2, 0xfc)).toMatch(/^line 2: byte 0xFC is not UTF-8, .*: save the file as UTF-8/);
  });
});
