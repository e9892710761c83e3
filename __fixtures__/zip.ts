// A small ZIP reader for tests: walks the central directory (so archives written
// with data descriptors, like the streaming ones archiver produces, are fine),
// inflates with node:zlib and checks every entry's CRC-32. Supports the stored (0)
// and deflate (8) methods and the ZIP64 size/offset fields. Not supported:
// encryption, multi-disk archives and other compression methods.
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number; // 0 = stored, 8 = deflate
  compressedSize: number;
  size: number;
  crc32: number;
  isDirectory: boolean;
  data: Buffer;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function fail(message: string): never {
  throw new Error(`zip: ${message}`);
}

function u64(buf: Buffer, offset: number): number {
  const value = buf.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) fail('64-bit value too large');
  return Number(value);
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The EOCD record is 22 bytes plus a comment of up to 65535 bytes.
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) {
    if (zip.readUInt32LE(i) === EOCD) return i;
  }
  fail('end of central directory record not found (not a zip?)');
}

/** Lists and extracts every entry, in central directory order. */
export function readZipEntries(zip: Buffer): ZipEntry[] {
  if (zip.length < 22) fail(`too short (${zip.length} bytes)`);
  const eocd = findEndOfCentralDirectory(zip);
  let count = zip.readUInt16LE(eocd + 10);
  let cdSize = zip.readUInt32LE(eocd + 12);
  let cdOffset = zip.readUInt32LE(eocd + 16);
  if (zip.readUInt16LE(eocd + 4) !== 0 || zip.readUInt16LE(eocd + 6) !== 0)
    fail('multi-disk archives are not supported');

  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) fail('ZIP64 locator missing');
    const zip64Eocd = u64(zip, locator + 8);
    if (zip.readUInt32LE(zip64Eocd) !== ZIP64_EOCD) fail('ZIP64 end of central directory record missing');
    count = u64(zip, zip64Eocd + 32);
    cdSize = u64(zip, zip64Eocd + 40);
    cdOffset = u64(zip, zip64Eocd + 48);
  }
  if (cdOffset + cdSize > zip.length) fail('central directory out of bounds');

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== CENTRAL) fail(`bad central directory header #${i}`);
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    let compressedSize = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    let localOffset = zip.readUInt32LE(p + 42);
    const rawName = zip.subarray(p + 46, p + 46 + nameLength);
    // Bit 11: UTF-8 names. Without it the spec says CP437; every writer we meet
    // (archiver included) uses UTF-8 or plain ASCII, so decode as UTF-8 regardless.
    const name = rawName.toString('utf8');
    if (flags & 0x1) fail(`${name}: encrypted entries are not supported`);

    // ZIP64 extended information: only the fields whose 32-bit value is 0xFFFFFFFF
    // are present, in this order.
    const extra = zip.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(extra, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(extra, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) {
          localOffset = u64(extra, q);
          q += 8;
        }
      }
      e += 4 + len;
    }
    p += 46 + nameLength + extraLength + commentLength;

    if (zip.readUInt32LE(localOffset) !== LOCAL) fail(`${name}: bad local header`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const compressed = zip.subarray(dataStart, dataStart + compressedSize);
    if (compressed.length !== compressedSize) fail(`${name}: data out of bounds`);

    let data: Buffer;
    if (method === 0) data = Buffer.from(compressed);
    else if (method === 8) data = inflateRawSync(compressed);
    else fail(`${name}: unsupported compression method ${method}`);

    if (data.length !== size) fail(`${name}: size ${data.length} != ${size} from the central directory`);
    const actualCrc = crc32(data) >>> 0;
    if (actualCrc !== crc) fail(`${name}: CRC-32 ${actualCrc.toString(16)} != ${crc.toString(16)}`);

    entries.push({ name, method, compressedSize, size, crc32: crc, isDirectory: name.endsWith('/'), data });
  }
  return entries;
}

/** File entries by name (directory entries are left out). */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readZipEntries(zip)) {
    if (!entry.isDirectory) files.set(entry.name, entry.data);
  }
  return files;
}

/** True if the buffer starts like a zip archive (local header or an empty archive). */
export function looksLikeZip(buf: Buffer): boolean {
  return buf.length >= 4 && (buf.readUInt32LE(0) === LOCAL || buf.readUInt32LE(0) === EOCD);
}
