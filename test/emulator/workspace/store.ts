// Pages, databases and blocks, with sharing: an object is visible to a bot when the nearest
// ancestor with an explicit share list (or none at all) includes one of the bot's tokens.
import type { Bot } from '../bots';
import type { Clock } from '../clock';
import { notFound, validation } from '../errors';
import { newId, normalizeId } from '../ids';
import type { AnyRecord, BlockRecord, DatabaseRecord, PageRecord, PropertyType, PropertyValue } from './records';
import { textOf } from './richText';

export class Workspace {
  readonly objects = new Map<string, AnyRecord>();
  /** Ordered child block ids of a page or block. */
  readonly children = new Map<string, string[]>();

  constructor(
    private readonly clock: Clock,
    private readonly botForToken: (token: string) => Bot | undefined,
  ) {}

  private common(sharedWith?: string[]) {
    const now = this.clock.now();
    return {
      id: newId(),
      createdMs: now,
      lastEditedMs: now,
      createdBy: 'seed',
      lastEditedBy: 'seed',
      inTrash: false,
      sharedWith: sharedWith ? new Set(sharedWith) : undefined,
    };
  }

  private parentOf(r: AnyRecord): string | undefined {
    if (r.kind === 'block') return r.parentId;
    if (r.kind === 'database') return r.parentPageId;
    return r.parent.type === 'workspace' ? undefined : r.parent.id;
  }

  visibleTo(bot: Bot, r: AnyRecord): boolean {
    for (let cur: AnyRecord | undefined = r; cur; ) {
      if (cur.sharedWith) return [...cur.sharedWith].some((t) => this.botForToken(t)?.id === bot.id);
      const p = this.parentOf(cur);
      cur = p ? this.objects.get(p) : undefined;
    }
    return true;
  }

  /** The record behind a path id, visible to the bot, of one of the kinds, or Notion's 404. */
  find<K extends AnyRecord['kind']>(bot: Bot, rawId: string, kinds: K[], label: string): Extract<AnyRecord, { kind: K }> {
    const id = normalizeId(rawId);
    if (!id) throw validation(`path failed validation: path.${label}_id should be a valid uuid, instead was \`"${rawId}"\`.`);
    const r = this.objects.get(id);
    if (!r || !(kinds as string[]).includes(r.kind) || !this.visibleTo(bot, r)) throw notFound(label, id);
    return r as Extract<AnyRecord, { kind: K }>;
  }

  childIds(parentId: string): string[] {
    let list = this.children.get(parentId);
    if (!list) this.children.set(parentId, (list = []));
    return list;
  }

  hasChildren(id: string): boolean {
    return (this.children.get(id) ?? []).some((c) => !this.objects.get(c)?.inTrash);
  }

  titleProperty(db: DatabaseRecord): string {
    for (const [name, p] of db.schema) if (p.type === 'title') return name;
    throw new Error(`database ${db.id} has no title property`);
  }

  addPage(p: { title: string; parentPageId?: string; sharedWith?: string[] }): PageRecord {
    const parentId = p.parentPageId ? this.requireSeeded(p.parentPageId, 'page') : undefined;
    const rec: PageRecord = {
      ...this.common(p.sharedWith),
      kind: 'page',
      parent: parentId ? { type: 'page_id', id: parentId } : { type: 'workspace' },
      properties: new Map([['title', { type: 'title', value: textOf(p.title) }]]),
      cover: null,
      icon: null,
    };
    this.objects.set(rec.id, rec);
    if (parentId) this.childIds(parentId).push(rec.id);
    return rec;
  }

  addDatabase(d: { title: string; parentPageId?: string; properties: Record<string, PropertyType>; sharedWith?: string[] }): DatabaseRecord {
    const types = Object.values(d.properties);
    if (types.filter((t) => t === 'title').length !== 1) throw new Error('seed.database: exactly one property must be of type title');
    const rec: DatabaseRecord = {
      ...this.common(d.sharedWith),
      kind: 'database',
      parentPageId: d.parentPageId ? this.requireSeeded(d.parentPageId, 'page') : undefined,
      title: textOf(d.title),
      schema: new Map(Object.entries(d.properties).map(([name, type]) => [name, { id: type === 'title' ? 'title' : newId().slice(0, 4), type }])),
    };
    this.objects.set(rec.id, rec);
    return rec;
  }

  addDatabasePage(databaseId: string, title: string): PageRecord {
    const db = this.objects.get(this.requireSeeded(databaseId, 'database')) as DatabaseRecord;
    const properties = new Map<string, PropertyValue>();
    for (const [name, { type }] of db.schema) properties.set(name, emptyValue(type, name === this.titleProperty(db) ? title : ''));
    const rec: PageRecord = { ...this.common(), kind: 'page', parent: { type: 'database_id', id: db.id }, properties, cover: null, icon: null };
    this.objects.set(rec.id, rec);
    return rec;
  }

  /** A page created through the API (POST /v1/pages): a database page gets every schema property, empty unless given. */
  createPage(parent: PageRecord['parent'], given: Map<string, PropertyValue>, by: string): PageRecord {
    const properties = new Map<string, PropertyValue>();
    if (parent.type === 'database_id') {
      const db = this.objects.get(parent.id) as DatabaseRecord;
      for (const [name, { type }] of db.schema) properties.set(name, given.get(name) ?? emptyValue(type, ''));
    } else {
      properties.set('title', given.get('title') ?? { type: 'title', value: [] });
    }
    const rec: PageRecord = { ...this.common(), createdBy: by, lastEditedBy: by, kind: 'page', parent, properties, cover: null, icon: null };
    this.objects.set(rec.id, rec);
    if (parent.type === 'page_id') this.childIds(parent.id).push(rec.id);
    return rec;
  }

  addBlock(parentId: string, type: string, payload: Record<string, unknown>, by: string, index?: number): BlockRecord {
    const rec: BlockRecord = { ...this.common(), createdBy: by, lastEditedBy: by, kind: 'block', parentId, type, payload };
    this.objects.set(rec.id, rec);
    const list = this.childIds(parentId);
    if (index === undefined) list.push(rec.id);
    else list.splice(index, 0, rec.id);
    return rec;
  }

  requireSeeded(rawId: string, kind: AnyRecord['kind']): string {
    const id = normalizeId(rawId);
    const r = id ? this.objects.get(id) : undefined;
    if (!r || r.kind !== kind) throw new Error(`seed: no ${kind} with id ${rawId}`);
    return r.id;
  }

  requireSeededContainer(rawId: string): string {
    const id = normalizeId(rawId);
    const r = id ? this.objects.get(id) : undefined;
    if (!r || r.kind === 'database') throw new Error(`seed: no page or block with id ${rawId}`);
    return r.id;
  }

  touch(r: AnyRecord, bot: Bot): void {
    r.lastEditedMs = this.clock.now();
    r.lastEditedBy = bot.id;
  }
}

function emptyValue(type: PropertyType, title: string): PropertyValue {
  switch (type) {
    case 'title':
      return { type, value: textOf(title) };
    case 'rich_text':
      return { type, value: [] };
    case 'files':
      return { type, value: [] };
    case 'number':
    case 'url':
      return { type, value: null };
  }
}
