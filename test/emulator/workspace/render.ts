// Pages, blocks and databases as the API returns them, per Notion-Version.
import type { Clock } from '../clock';
import { pageTrashFields, trashField, type NotionVersion } from '../versions';
import type { FileObjects, StoredFile } from './fileObjects';
import type { BlockRecord, DatabaseRecord, PageRecord, PropertyValue } from './records';
import { plainText, renderRichText, type TextItem } from './richText';
import type { Workspace } from './store';

/** Recorded (pages_retrieve): https://www.notion.so/<Title-slug>-<32 hex>. */
export function notionPageUrl(id: string, slug: string): string {
  return `https://www.notion.so/${slug ? `${slug}-` : ''}${id.replace(/-/g, '')}`;
}

export const MEDIA_TYPES = ['image', 'video', 'audio', 'pdf', 'file'] as const;

export class Renderer {
  constructor(
    private readonly ws: Workspace,
    private readonly files: FileObjects,
    private readonly clock: Clock,
    /** The page's `url` from its id and title slug; default Notion's, as recorded. */
    private readonly pageUrl: (id: string, slug: string) => string = notionPageUrl,
  ) {}

  private meta(r: { id: string; createdMs: number; lastEditedMs: number; createdBy: string; lastEditedBy: string; inTrash: boolean }, v: NotionVersion) {
    return {
      id: r.id,
      created_time: this.clock.iso(r.createdMs),
      last_edited_time: this.clock.iso(r.lastEditedMs),
      created_by: { object: 'user', id: r.createdBy },
      last_edited_by: { object: 'user', id: r.lastEditedBy },
      ...trashField(v, r.inTrash),
    };
  }

  pageTitle(p: PageRecord): string {
    for (const v of p.properties.values()) if (v.type === 'title') return plainText(v.value);
    return '';
  }

  page(p: PageRecord, v: NotionVersion): Record<string, unknown> {
    const parent =
      p.parent.type === 'workspace'
        ? { type: 'workspace', workspace: true }
        : p.parent.type === 'page_id'
          ? { type: 'page_id', page_id: p.parent.id }
          : v >= '2025-09-03'
            ? { type: 'data_source_id', data_source_id: p.parent.id, database_id: p.parent.id }
            : { type: 'database_id', database_id: p.parent.id };
    const db = p.parent.type === 'database_id' ? (this.ws.objects.get(p.parent.id) as DatabaseRecord) : undefined;
    const properties: Record<string, unknown> = {};
    for (const [name, value] of p.properties) {
      const id = db ? (db.schema.get(name)?.id ?? name) : 'title';
      properties[name] = { id, ...this.property(value) };
    }
    const slug = this.pageTitle(p).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return {
      object: 'page',
      ...this.meta(p, v),
      ...pageTrashFields(v, p.inTrash),
      cover: p.cover ? this.files.render(p.cover) : null,
      icon: p.icon ? this.files.render(p.icon) : null,
      parent,
      is_locked: false,
      properties,
      url: this.pageUrl(p.id, slug),
      public_url: null,
    };
  }

  property(value: PropertyValue): Record<string, unknown> {
    switch (value.type) {
      case 'title':
      case 'rich_text':
        return { type: value.type, [value.type]: renderRichText(value.value) };
      case 'files':
        return { type: 'files', files: value.value.map((f: StoredFile) => this.files.render(f, { withName: true })) };
      default:
        return { type: value.type, [value.type]: value.value };
    }
  }

  block(b: BlockRecord, v: NotionVersion): Record<string, unknown> {
    const parentRec = this.ws.objects.get(b.parentId);
    const parent = parentRec?.kind === 'block' ? { type: 'block_id', block_id: b.parentId } : { type: 'page_id', page_id: b.parentId };
    return {
      object: 'block',
      ...this.meta(b, v),
      parent,
      has_children: this.ws.hasChildren(b.id),
      type: b.type,
      [b.type]: this.payload(b),
    };
  }

  /** A page read through the blocks API is a child_page block. */
  pageAsBlock(p: PageRecord, v: NotionVersion): Record<string, unknown> {
    const parent = p.parent.type === 'page_id' ? { type: 'page_id', page_id: p.parent.id } : p.parent.type === 'database_id' ? { type: 'database_id', database_id: p.parent.id } : { type: 'workspace', workspace: true };
    return { object: 'block', ...this.meta(p, v), parent, has_children: this.ws.hasChildren(p.id), type: 'child_page', child_page: { title: this.pageTitle(p) } };
  }

  private payload(b: BlockRecord): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(b.payload)) {
      if (k === 'file') continue;
      out[k] = k === 'rich_text' || k === 'caption' ? renderRichText(val as TextItem[]) : val;
    }
    if ((MEDIA_TYPES as readonly string[]).includes(b.type)) {
      Object.assign(out, this.files.render(b.payload.file as StoredFile, { withName: b.type === 'file' }));
    }
    // Recorded (test_blocks_children_create.yaml): a paragraph reads back with `icon: null` and `color`.
    if (b.type === 'paragraph') return { icon: null, color: 'default', ...out };
    return out;
  }

  database(d: DatabaseRecord, v: NotionVersion): Record<string, unknown> {
    const properties: Record<string, unknown> = {};
    for (const [name, p] of d.schema) properties[name] = { id: p.id, name, type: p.type, [p.type]: {} };
    return {
      object: v >= '2025-09-03' ? 'data_source' : 'database',
      ...this.meta(d, v),
      title: renderRichText(d.title),
      parent: d.parentPageId ? { type: 'page_id', page_id: d.parentPageId } : { type: 'workspace', workspace: true },
      properties,
    };
  }
}
