/**
 * Content files are UTF-8. A file saved in another encoding (Latin-1, Windows-1252) would be
 * published as mojibake ("caf�"), so it is refused, naming the line of its first bad byte.
 */

/** The index of the first byte that does not begin a valid UTF-8 sequence, or -1 when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // Continuation bytes after the lead, and the range of the first one (RFC 3629: no overlong
    // forms, no surrogates, nothing above U+10FFFF).
    let more: number;
    if (lead >= 0xc2 && lead <= 0xdf) more = 1;
    else if (lead >= 0xe0 && lead <= 0xef) more = 2;
    else if (lead >= 0xf0 && lead <= 0xf4) more = 3;
    else return i;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (i + more >= bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k <= more; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return -1;
}

/** A file's text, or where and why it is not UTF-8. */
export type Decoded = { ok: true; text: string } | { ok: false; line: number; byte: number };

/**
 * Decodes a content file as UTF-8, dropping a leading byte-order mark (some editors on Windows
 * add one; it is invisible and means nothing in UTF-8). Refuses any invalid byte.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line += 1;
    return { ok: false, line, byte: bytes[bad]! };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bom)) };
}

/** What an editor reads when a file is not UTF-8. */
export function encodingMessage(line: number, byte: number): string {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return `line ${line}: byte 0x${hex} is not UTF-8, so the file was saved in another encoding (probably Latin-1 or Windows-1252) and accented letters would be published garbled: save the file as UTF-8 in your editor and check those letters`;
}
