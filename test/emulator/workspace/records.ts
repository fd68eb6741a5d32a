// What the emulator stores for pages, databases and blocks.
import type { StoredFile } from './fileObjects';
import type { TextItem } from './richText';

export type PropertyType = 'title' | 'files' | 'rich_text' | 'number' | 'url';

export type PropertyValue =
  | { type: 'title'; value: TextItem[] }
  | { type: 'rich_text'; value: TextItem[] }
  | { type: 'number'; value: number | null }
  | { type: 'url'; value: string | null }
  | { type: 'files'; value: StoredFile[] };

interface Common {
  id: string;
  createdMs: number;
  lastEditedMs: number;
  createdBy: string;
  lastEditedBy: string;
  inTrash: boolean;
  /** Tokens the object is shared with; undefined inherits from the parent (or: everyone). */
  sharedWith?: Set<string>;
}

export interface PageRecord extends Common {
  kind: 'page';
  parent: { type: 'workspace' } | { type: 'page_id'; id: string } | { type: 'database_id'; id: string };
  properties: Map<string, PropertyValue>;
  cover: StoredFile | null;
  icon: StoredFile | null;
}

export interface DatabaseRecord extends Common {
  kind: 'database';
  parentPageId?: string;
  title: TextItem[];
  schema: Map<string, { id: string; type: PropertyType }>;
}

export interface BlockRecord extends Common {
  kind: 'block';
  parentId: string;
  type: string;
  /** Type payload without children; media blocks keep their file as `file: StoredFile`. */
  payload: Record<string, unknown>;
}

export type AnyRecord = PageRecord | DatabaseRecord | BlockRecord;
