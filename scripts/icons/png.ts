/**
 * Just enough of PNG (RFC 2083) for the icons: read the header and text chunks, add a text chunk,
 * and decode 8-bit RGBA pixels — what Chromium's screenshots are — with node:zlib.
 */
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(png: Buffer): Chunk[] {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: the signature is missing');
  const found: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    found.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return found;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6: RGBA. */
  colorType: number;
}

export function pngHeader(png: Buffer): PngHeader {
  const header = chunks(png)[0];
  if (header?.type !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  const { data } = header;
  return {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8]!,
    colorType: data[9]!,
  };
}

/** The text of a `tEXt` chunk with this keyword; null when there is none. */
export function pngText(png: Buffer, keyword: string): string | null {
  for (const { type, data } of chunks(png)) {
    if (type !== 'tEXt') continue;
    const split = data.indexOf(0);
    if (data.toString('latin1', 0, split) === keyword) return data.toString('latin1', split + 1);
  }
  return null;
}

/** The PNG with a `tEXt` chunk added just before its end. */
export function withPngText(png: Buffer, keyword: string, text: string): Buffer {
  const end = png.length - 12; // IEND: an empty chunk, always last
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  return Buffer.concat([png.subarray(0, end), chunk('tEXt', data), png.subarray(end)]);
}

/** The pixels as RGBA bytes, row by row; only 8-bit RGBA without interlacing. */
export function decodeRgba(png: Buffer): Uint8Array {
  const { width, height, bitDepth, colorType } = pngHeader(png);
  const interlaced = chunks(png)[0]!.data[12] !== 0;
  if (bitDepth !== 8 || colorType !== 6 || interlaced) {
    throw new Error(
      `only 8-bit RGBA PNGs without interlacing are read (depth ${bitDepth}, colour type ${colorType})`,
    );
  }
  const raw = zlib.inflateSync(
    Buffer.concat(
      chunks(png)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data),
    ),
  );
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[out + x - 4]! : 0;
      const up = y > 0 ? pixels[out - stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[out - stride + x - 4]! : 0;
      pixels[out + x] = (line[x]! + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return pixels;
}

/** The five scanline filters of the PNG spec (§6). */
function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return a <= b && a <= c ? left : b <= c ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG filter ${filter}`);
  }
}
