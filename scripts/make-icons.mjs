// Writes the extension's PNG icons (a blue rounded square with a white "pause" mark:
// think before you post) with nothing but zlib, so no image tool is needed.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

export function iconPng(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const r = size * 0.2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const cx = Math.max(r - x - 0.5, 0, x + 0.5 - (size - r));
      const cy = Math.max(r - y - 0.5, 0, y + 0.5 - (size - r));
      const inside = Math.hypot(cx, cy) <= r;
      // Two white bars: a "pause".
      const u = x / size;
      const v = y / size;
      const bar = v > 0.28 && v < 0.72 && ((u > 0.3 && u < 0.43) || (u > 0.57 && u < 0.7));
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const [R, G, B] = bar ? [255, 255, 255] : [0, 94, 184];
      raw[o] = R;
      raw[o + 1] = G;
      raw[o + 2] = B;
      raw[o + 3] = inside ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export function writeIcons(dir) {
  mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 48, 128]) writeFileSync(path.join(dir, `icon-${size}.png`), iconPng(size));
}

if (import.meta.url === `file://${process.argv[1]}`) writeIcons(process.argv[2] ?? '.tmp/ext-public/icons');
