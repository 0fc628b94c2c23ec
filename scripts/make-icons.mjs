// The application icon as PNG files for electron-builder, drawn from the shapes of
// resources/icon.svg without any image library or network: `node scripts/make-icons.mjs`.
// resources/icon.png (1024 px) is what macOS (.icns) and Windows (.ico) are made from;
// resources/icons/<n>x<n>.png are the Linux sizes. The output is deterministic, and a test
// checks that the committed files are what this draws.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512];
export const MAIN_ICON_SIZE = 1024;

/** The shapes of icon.svg (a 256-unit square), topmost last: each says whether it covers a point, and its colour. */
const BACKGROUND = [0x1a, 0x1f, 0x29];
const BARS = [0x8d, 0xa2, 0xfb];
const CHECK = [0x69, 0xdb, 0x7c];

function inRoundedSquare(x, y) {
  const radius = 48;
  if (x < 0 || y < 0 || x > 256 || y > 256) return false;
  const dx = Math.max(radius - x, 0, x - (256 - radius));
  const dy = Math.max(radius - y, 0, y - (256 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

const bars = [
  [64, 88, 128, 24],
  [64, 128, 88, 24],
  [64, 168, 56, 24],
];
const inBar = (x, y) => bars.some(([bx, by, w, h]) => x >= bx && x <= bx + w && y >= by && y <= by + h);

function inRing(x, y) {
  const distance = Math.hypot(x - 184, y - 172);
  return distance >= 28 - 7 && distance <= 28 + 7;
}

/** Distance from a point to a segment. */
function toSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}
const tick = [
  [174, 172],
  [182, 180],
  [196, 164],
];
const inTick = (x, y) => Math.min(toSegment(x, y, tick[0], tick[1]), toSegment(x, y, tick[1], tick[2])) <= 5;

/** The colour at a point of the 256-unit square, or null where the icon is transparent. */
function colourAt(x, y) {
  if (!inRoundedSquare(x, y)) return null;
  if (inTick(x, y) || inRing(x, y)) return CHECK;
  if (inBar(x, y)) return BARS;
  return BACKGROUND;
}

/** RGBA pixels of the icon at `size` px, anti-aliased by sampling each pixel on a grid. */
export function drawIcon(size) {
  // Small icons need more samples a pixel to stay smooth; large ones have the pixels.
  const grid = size <= 64 ? 8 : size <= 256 ? 4 : 2;
  const pixels = Buffer.alloc(size * size * 4);
  const unit = 256 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const colour = colourAt((px + (sx + 0.5) / grid) * unit, (py + (sy + 0.5) / grid) * unit);
          if (colour === null) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      pixels[at] = Math.round(r / covered);
      pixels[at + 1] = Math.round(g / covered);
      pixels[at + 2] = Math.round(b / covered);
      pixels[at + 3] = Math.round((255 * covered) / (grid * grid));
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PNG file of 8-bit RGBA pixels (no filtering: each scanline starts with filter type 0). */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const scanlines = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(scanlines, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every icon file, by its path relative to the resources folder. */
export function iconFiles() {
  const files = new Map([['icon.png', encodePng(MAIN_ICON_SIZE, MAIN_ICON_SIZE, drawIcon(MAIN_ICON_SIZE))]]);
  for (const size of LINUX_ICON_SIZES) files.set(`icons/${size}x${size}.png`, encodePng(size, size, drawIcon(size)));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
  for (const [name, bytes] of iconFiles()) {
    mkdirSync(dirname(join(resources, name)), { recursive: true });
    writeFileSync(join(resources, name), bytes);
    console.log(`resources/${name} (${bytes.length} bytes)`);
  }
}
