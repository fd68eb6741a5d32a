// A small workspace to try the extension on: a real PNG (drawn here), a PDF, a text note,
// a short "recording" and a Markdown file (which Notion does not accept: its menu entries hide).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makePng } from '../fixtures/png';

/** A width×height RGB PNG with a diagonal gradient (a stand-in for a screenshot). */
export function gradientPng(width = 320, height = 180): Buffer {
  return makePng(width, height);
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
