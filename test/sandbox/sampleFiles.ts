// A small workspace to try the extension on: a real PNG (drawn here), a PDF, a text note,
// a short "recording" and a Markdown file (which Notion does not accept: its menu entries hide).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A width×height RGB PNG with a diagonal gradient (a stand-in for a screenshot). */
export function gradientPng(width = 320, height = 180): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = Math.round((255 * x) / width);
      row[2 + x * 3] = Math.round((255 * y) / height);
      row[3 + x * 3] = 200;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

/** Writes the sample files into `dir` and returns it. */
export function writeSampleFiles(dir: string): string {
  fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'screenshot.png'), gradientPng());
  fs.writeFileSync(path.join(dir, 'docs', 'spec.pdf'), PDF);
  fs.writeFileSync(path.join(dir, 'docs', 'notes.txt'), 'Meeting notes: ship the Notion Assets extension.\n');
  fs.writeFileSync(path.join(dir, 'recording.mp4'), Buffer.concat([Buffer.from('0000001866747970697336000000000069736f6d', 'hex'), Buffer.alloc(4096)]));
  fs.writeFileSync(path.join(dir, 'README.md'), '# Sandbox\n\nRight-click screenshot.png → Notion → Set as Page Cover.\nMarkdown is not a type Notion accepts, so its Notion menu stays hidden.\n');
  return dir;
}

/** User settings for a quiet workbench (no chat side bar, no welcome page) in a fresh user-data dir. */
export function writeQuietUserSettings(dataDir: string): void {
  const dir = path.join(dataDir, 'ud', 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
  }, null, 2));
}
