/** The application icons electron-builder packages (resources/), and the script that draws them. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { iconFiles, LINUX_ICON_SIZES, MAIN_ICON_SIZE } from '../../scripts/make-icons.mjs';

const resources = join(import.meta.dirname, '..', '..', 'resources');

/** A PNG read back: its header and RGBA pixels (as written by make-icons: 8-bit RGBA, filter 0 on every line). */
function decodePng(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const typed = bytes.subarray(at + 4, at + 8 + length);
    expect(crc32(typed)).toBe(bytes.readUInt32BE(at + 8 + length));
    chunks.push({ type: typed.subarray(0, 4).toString('ascii'), data: typed.subarray(4) });
    at += 12 + length;
  }
  expect(chunks[0]!.type).toBe('IHDR');
  expect(chunks.at(-1)!.type).toBe('IEND');
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  expect(raw.length).toBe(height * (width * 4 + 1));
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 1 + x * 4 + 4)];
  return { width, height, pixel };
}

describe('application icons', () => {
  const files = [`icon.png`, ...LINUX_ICON_SIZES.map((n) => `icons/${n}x${n}.png`)];

  it('are square RGBA PNGs of the size their name says: 1024 px for macOS and Windows, the Linux set from 16 to 512', () => {
    expect(MAIN_ICON_SIZE).toBeGreaterThanOrEqual(512); // electron-builder's minimum for .icns (.ico needs 256)
    for (const name of files) {
      const png = decodePng(readFileSync(join(resources, name)));
      const size = name === 'icon.png' ? MAIN_ICON_SIZE : Number(/(\d+)x/.exec(name)![1]);
      expect([png.width, png.height], name).toEqual([size, size]);
      // (Nearly) transparent outside the rounded corner, the dark background inside, opaque.
      expect(png.pixel(0, 0)[3], name).toBeLessThan(16);
      expect(png.pixel(Math.floor(size / 2), Math.floor(size / 10)), name).toEqual([0x1a, 0x1f, 0x29, 255]);
    }
  });

  it('are what scripts/make-icons.mjs draws (run it after changing the drawing)', () => {
    const drawn = iconFiles();
    expect([...drawn.keys()].sort()).toEqual([...files].sort());
    for (const [name, bytes] of drawn) expect(readFileSync(join(resources, name)).equals(bytes), name).toBe(true);
  }, 120_000);
});
