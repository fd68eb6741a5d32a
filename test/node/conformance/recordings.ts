// Loads the recorded Notion traffic in test/fixtures/recordings/ (see its README).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RecordedRequest {
  method: string;
  path: string;
  notionVersion: string | null;
  contentType?: string;
  body?: unknown;
  form?: { fields: Record<string, string>; file: { filename: string; contentType: string | null; sizeBytes: number } | null };
}

export interface Interaction {
  request: RecordedRequest;
  response: { status: number; body: any }; // recorded JSON, read field by field
  source?: { repo: string; path: string; commit: string };
}

export interface Recording {
  about: string;
  source?: { repo: string; path: string; commit: string };
  interactions: Interaction[];
}

export interface RecordedUploadState {
  state: { status: string; mode: 'single' | 'multi' | 'import'; partsSent: 'none' | 'some' | 'all' | null; hasInTrash: boolean };
  object: any;
  notionVersion: string;
  source: { repo: string; path: string; commit: string };
}

// out/test/node/conformance → the repository root.
export const RECORDINGS_DIR = path.resolve(__dirname, '../../../../test/fixtures/recordings');

export function recording(name: string): Recording {
  return JSON.parse(fs.readFileSync(path.join(RECORDINGS_DIR, `${name}.json`), 'utf8'));
}

export function uploadStates(): RecordedUploadState[] {
  return JSON.parse(fs.readFileSync(path.join(RECORDINGS_DIR, 'sdk-py.upload_states.json'), 'utf8')).objects;
}

/** Where an interaction came from, for assertion messages. */
export function where(r: Recording, i: Interaction): string {
  const s = i.source ?? r.source;
  return s ? `${s.repo}/${s.path}@${s.commit.slice(0, 8)}` : r.about;
}
