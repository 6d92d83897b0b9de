// Draws images/icon.png (128×128): a white page with lines of text and a red "§"-like ribbon on a
// deep red rounded square. Plain Node (zlib + a CRC table), no dependencies: `node images/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], alpha = 1) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || alpha <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a = Math.min(1, alpha);
  const under = pixels[i + 3] / 255;
  const out = a + under * (1 - a);
  const mix = (c, d) => Math.round((c * a + d * under * (1 - a)) / (out || 1));
  pixels[i] = mix(r, pixels[i]);
  pixels[i + 1] = mix(g, pixels[i + 1]);
  pixels[i + 2] = mix(b, pixels[i + 2]);
  pixels[i + 3] = Math.round(out * 255);
}

/** A rounded rectangle with anti-aliased corners. */
function roundedRect(x0, y0, x1, y1, radius, color) {
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      const cx = Math.min(Math.max(x + 0.5, x0 + radius), x1 - radius);
      const cy = Math.min(Math.max(y + 0.5, y0 + radius), y1 - radius);
      const distance = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      blend(x, y, color, radius + 0.5 - distance);
    }
  }
}

const RED = [165, 28, 48];
const WHITE = [250, 247, 240];
const INK = [70, 70, 80];
const GOLD = [226, 176, 64];

roundedRect(0, 0, 128, 128, 22, RED);
roundedRect(30, 16, 98, 112, 6, WHITE);
// Title line, then body lines of varying length.
roundedRect(40, 28, 88, 34, 3, RED);
for (const [y, end] of [[44, 88], [53, 84], [62, 88], [71, 78], [80, 88], [89, 70]]) roundedRect(40, y, end, y + 4, 2, INK);
// A seal at the bottom right.
for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) blend(x, y, GOLD, 13.5 - Math.hypot(x + 0.5 - 92, y + 0.5 - 100));
for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) blend(x, y, RED, 6.5 - Math.hypot(x + 0.5 - 92, y + 0.5 - 100));

// PNG: signature, IHDR, IDAT (filter byte 0 per row), IEND.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
