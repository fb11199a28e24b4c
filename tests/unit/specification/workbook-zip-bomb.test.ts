// A workbook whose zip directory understates what its parts unpack to is refused while unpacking,
// with a cap on the real output, before exceljs sees it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_UNPACKED_BYTES, readWorkbook } from '../../../src/main/specification/workbook/read-workbook';
import { tempDir } from '../../helpers/temp';

interface Part {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  /** What the directory says it unpacks to. */
  declaredSize: number;
}

/**
 * `size` zero bytes as one raw deflate stream, made of 1 MB blocks each flushed on its own (so they can
 * be repeated) and a final empty block: never `size` bytes in memory.
 */
function deflatedZeros(size: number): Buffer {
  const step = 1024 * 1024;
  const block = (length: number) => zlib.deflateRawSync(Buffer.alloc(length), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const whole = block(step);
  const blocks: Buffer[] = [];
  for (let left = size; left > 0; left -= step) blocks.push(left >= step ? whole : block(left));
  return Buffer.concat([...blocks, zlib.deflateRawSync(Buffer.alloc(0))]);
}

/** A zip file of deflated parts, each with the size its directory declares (true or not). */
function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // crc: not checked before the size
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, part.data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.declaredSize, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, name);
    offset += 30 + name.length + part.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const part = (name: string, text: string): Part => ({ name, data: zlib.deflateRawSync(text), declaredSize: Buffer.byteLength(text) });

describe('a workbook with false sizes in its zip directory', () => {
  it('is refused while unpacking, once its real output passes the cap, before exceljs reads it', () => {
    const file = path.join(tempDir(), 'bomb.xlsx');
    fs.writeFileSync(
      file,
      zipOf([
        part('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        part('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
        // Declared as 20 KB; unpacks to just over what a workbook may unpack to.
        { name: 'xl/sharedStrings.xml', data: deflatedZeros(MAX_UNPACKED_BYTES + 1), declaredSize: 20 * 1024 },
      ]),
    );
    return expect(readWorkbook(file)).rejects.toThrow(
      `${file} is damaged or not a workbook Crosswalk exported: its part "xl/sharedStrings.xml" unpacks to more than the 20 KB its zip directory declares (as a zip bomb does): import the workbook Crosswalk exported.`,
    );
  }, 60_000);
});
