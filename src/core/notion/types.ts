// Shapes of what Notion sends and accepts, taken from the official SDK's types
// (`@notionhq/client` is a devDependency used for `import type` only: no SDK code ships).
import type { FileUploadObjectResponse } from '@notionhq/client/build/src/api-endpoints/file-uploads';

/** Notion's file upload object, normalised so `in_trash` is always present (see apiVersion.ts). */
export type FileUpload = FileUploadObjectResponse;
export type FileUploadStatus = FileUpload['status'];
export type UploadMode = 'single_part' | 'multi_part' | 'external_url';

export type NotionVersion = '2022-06-28' | '2025-09-03' | '2026-03-11';
export const NOTION_VERSIONS: readonly NotionVersion[] = ['2022-06-28', '2025-09-03', '2026-03-11'];
export const DEFAULT_NOTION_VERSION: NotionVersion = '2025-09-03';

/** A file object as sent in a request (cover, icon, block, files property item). */
export type FileObjectRequest =
  | { type: 'file_upload'; file_upload: { id: string }; name?: string }
  | { type: 'external'; external: { url: string }; name?: string };

/** A file object as Notion returns it. */
export type FileObjectResponse =
  | { type: 'file'; file: { url: string; expiry_time: string }; name?: string }
  | { type: 'external'; external: { url: string }; name?: string }
  | { type: 'file_upload'; file_upload: { id: string }; name?: string };

export type MediaBlockType = 'image' | 'video' | 'audio' | 'pdf' | 'file';

export interface RichTextItem {
  type: 'text';
  text: { content: string; link?: { url: string } | null };
  plain_text?: string;
}

/** The subset of a block the product reads. Other block types keep their payload as unknown. */
export interface Block {
  object: 'block';
  id: string;
  type: string;
  has_children: boolean;
  in_trash?: boolean;
  archived?: boolean;
  parent?: { type: string; [k: string]: unknown };
  [payload: string]: unknown;
}

export interface PropertyValue {
  id: string;
  type: string;
  files?: FileObjectResponse[];
  title?: RichTextItem[];
  [k: string]: unknown;
}

export interface Page {
  object: 'page';
  id: string;
  url?: string;
  cover: FileObjectResponse | null;
  icon: FileObjectResponse | { type: 'emoji'; emoji: string } | null;
  parent: { type: string; [k: string]: unknown };
  properties: Record<string, PropertyValue>;
  in_trash?: boolean;
  archived?: boolean;
}

export interface ListResponse<T> {
  object: 'list';
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
}

export interface BotUser {
  object: 'user';
  id: string;
  type: 'bot';
  name: string | null;
  bot: {
    owner?: unknown;
    workspace_name?: string | null;
    workspace_limits?: { max_file_upload_size_in_bytes: number };
  };
}

/** A database's (data source's) schema, with the id and parent key a new entry is created under. */
export interface DataSourceSchema {
  /** The id to create entries under (the data source id from 2025-09-03, else the database id). */
  id: string;
  parentKey: 'data_source_id' | 'database_id';
  title: string;
  /** Property name → its type. */
  properties: Record<string, { id: string; type: string }>;
}

/** A comment as Notion returns it (the parts the product reads). */
export interface Comment {
  object: 'comment';
  id: string;
  parent: { type: string; [k: string]: unknown };
  discussion_id: string;
  rich_text: RichTextItem[];
  attachments?: { category: string; file: { url: string; expiry_time: string } }[];
}

/** Where a new child block goes; mapped to `after` or `position` per API version. */
export type AppendPosition = { type: 'end' } | { type: 'start' } | { type: 'after_block'; blockId: string };

/** A page found by search, reduced to what pickers show. */
export interface PageSummary {
  id: string;
  title: string;
  url?: string;
  icon?: string;
  lastEditedTime?: string;
  parentType?: string;
}
