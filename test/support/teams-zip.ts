import { inflateRawSync, inflateSync } from 'node:zlib';

/** Reads a zip's files through its central directory (stored or deflated entries), to check the Teams package. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extra + comment;
  }
  return files;
}

export interface PngInfo {
  width: number;
  height: number;
  colorType: number;
  /** RGBA pixels, when the image is 8-bit RGBA without row filters (as ours are written). */
  pixels: Buffer | null;
}

export function readPng(png: Buffer): PngInfo {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colorType = png[25]!;
  const idat: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  const unfiltered = colorType === 6 && raw.length === stride * height && Array.from({ length: height }, (_, y) => raw[y * stride]).every((f) => f === 0);
  const pixels = unfiltered ? Buffer.concat(Array.from({ length: height }, (_, y) => raw.subarray(y * stride + 1, (y + 1) * stride))) : null;
  return { width, height, colorType, pixels };
}
