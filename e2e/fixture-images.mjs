#!/usr/bin/env node
// Writes the fixture content's images (e2e/fixtures/content/images/, never committed: .gitignore),
// before the fixture build of scripts/test.mjs: a lead image for an analysis and a portrait for an
// expert, as PNG files drawn here, so that no binary file lives in git. Deterministic: the same
// bytes every time, so that two builds stay byte-identical. `writeFixtureImages(folder)` serves the
// tests that need images elsewhere.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

/** The images of the fixture content: path from the content folder → width, height and colours. */
export const FIXTURE_IMAGES = {
  'images/delta-river.png': { width: 1600, height: 900, from: [32, 96, 160], to: [220, 200, 140] },
  'images/ada-okafor.png': { width: 480, height: 600, from: [120, 60, 40], to: [240, 210, 180] },
};

/** A PNG chunk: length, type, data and the CRC of type and data. */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGB PNG, a diagonal gradient from one colour to another with a few bands across it. */
export function gradientPng({ width, height, from, to }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const band = Math.floor((y / height) * 8) % 2 === 0 ? 1 : 0.85;
      for (let c = 0; c < 3; c++)
        rows[row + 1 + x * 3 + c] = Math.round((from[c] + (to[c] - from[c]) * t) * band);
    }
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes the fixture images into the content folder `folder`. */
export function writeFixtureImages(folder) {
  for (const [path, spec] of Object.entries(FIXTURE_IMAGES)) {
    const full = join(folder, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, gradientPng(spec));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = fileURLToPath(new URL('./fixtures/content/', import.meta.url));
  writeFixtureImages(folder);
  console.log(`Wrote ${Object.keys(FIXTURE_IMAGES).length} images into ${folder}images/`);
}
