// New pages from files (POST /v1/pages): under a page, or as an entry of a database (data
// source). Reads first — the parent exists and is shared, the chosen files property exists
// and is of type files — then one create that carries the title (the file name), the files
// (as blocks, or in the property) and, for an image, the cover.
import * as l10n from '@vscode/l10n';
import { categoryOf, defaultBlockType } from '../media';
import type { NotionApi } from '../notion/api';
import { pageTitle } from '../notion/pageSummary';
import type { MediaBlockType } from '../notion/types';
import type { FileRef } from './attach';
import { UploadValidationError } from './errors';
import { statusOf } from './retryable';
import { fetchTargetPage, MAX_FILES_PER_PROPERTY, resolvePageId } from './target';
import type { NewPageTarget } from './types';

export interface NewPageParent {
  kind: 'page' | 'database';
  /** The id written as the parent (a data source's id from 2025-09-03). */
  id: string;
  parentKey: 'page_id' | 'data_source_id' | 'database_id';
  title: string;
  /** Name of the title property (database entries; a page's is "title"). */
  titleProperty: string;
}

export interface NewPageFile {
  ref: FileRef;
  name: string;
}

/** Reads the parent (a page, else a database) and checks the property target. */
export async function readNewPageParent(client: NotionApi, target: NewPageTarget, fileCount: number, signal?: AbortSignal): Promise<NewPageParent> {
  return (await readParentWithSchema(client, target, fileCount, signal)).parent;
}

/** The parent and, for a database, the names of its files properties. */
export async function readParentWithSchema(
  client: NotionApi, target: NewPageTarget, fileCount: number, signal?: AbortSignal,
): Promise<{ parent: NewPageParent; filesProperties: string[] }> {
  const id = resolvePageId(target);
  const shown = target.pageId;
  let parent: NewPageParent | undefined;
  if (target.parent !== 'database') {
    try {
      const page = await fetchTargetPage(client, id, shown, signal);
      parent = { kind: 'page', id, parentKey: 'page_id', title: pageTitle(page as unknown as Record<string, unknown>) || 'Untitled', titleProperty: 'title' };
    } catch (e) {
      if (target.parent === 'page' || !(e instanceof UploadValidationError) || e.rule !== 'not-a-page') throw e;
    }
  }
  if (!parent) {
    const schema = await client.getDataSource(id, { signal }).catch((err) => {
      if (statusOf(err) === 404 || statusOf(err) === 400) {
        throw new UploadValidationError(
          shown,
          'not-a-page',
          l10n.t('{0} is not a page or database the integration can see (it may not be shared with the integration: open it in Notion, ••• → Connections, add the integration).', shown),
        );
      }
      throw err;
    });
    const titleProperty = Object.entries(schema.properties).find(([, p]) => p.type === 'title')?.[0] ?? 'title';
    if (target.property !== undefined) checkSchemaProperty(schema.properties, target.property, schema.title || shown, fileCount);
    const filesProperties = Object.entries(schema.properties).filter(([, p]) => p.type === 'files').map(([n]) => n);
    return { parent: { kind: 'database', id: schema.id, parentKey: schema.parentKey, title: schema.title, titleProperty }, filesProperties };
  }
  if (target.property !== undefined) {
    throw new UploadValidationError(
      shown,
      'not-in-database',
      l10n.t('Cannot put the files in property "{0}": a new page under a page has no files properties (choose a database as the parent, or leave the property out).', target.property),
    );
  }
  return { parent, filesProperties: [] };
}

function checkSchemaProperty(properties: Record<string, { type: string }>, property: string, dbTitle: string, count: number): void {
  const files = Object.entries(properties).filter(([, p]) => p.type === 'files').map(([n]) => `"${n}"`);
  const p = properties[property];
  if (!p) {
    throw new UploadValidationError(property, 'property-missing', files.length
      ? l10n.t('The database "{0}" has no property "{1}" (its files properties: {2}).', dbTitle, property, files.join(', '))
      : l10n.t('The database "{0}" has no property "{1}" and no files property.', dbTitle, property));
  }
  if (p.type !== 'files') {
    throw new UploadValidationError(property, 'property-not-files', l10n.t('Property "{0}" of "{1}" is a {2} property; only files properties hold files.', property, dbTitle, p.type));
  }
  if (count > MAX_FILES_PER_PROPERTY) {
    throw new UploadValidationError(property, 'too-many-files', l10n.t('{0} files cannot go in one files property: Notion allows {1}.', count, MAX_FILES_PER_PROPERTY));
  }
}

/** The page's title: the one asked for, else the (first) file's name. */
export function newPageTitle(target: NewPageTarget, names: string[]): string {
  const t = target.title?.trim();
  if (t) return t.slice(0, 2000);
  return (names.length === 1 ? names[0] : `${names[0]} and ${names.length - 1} more`).slice(0, 2000);
}

/** Where each file sits in the new page: the property, or its block type. */
export function newPageDetail(target: NewPageTarget, name: string): string {
  return target.property ?? defaultBlockType(name);
}

export function newPageBody(parent: NewPageParent, target: NewPageTarget, files: NewPageFile[]): Record<string, unknown> {
  const fileObject = (f: NewPageFile) =>
    f.ref.type === 'file_upload' ? { type: 'file_upload', file_upload: { id: f.ref.id } } : { type: 'external', external: { url: f.ref.url } };
  const title = newPageTitle(target, files.map((f) => f.name));
  const properties: Record<string, unknown> = { [parent.titleProperty]: { title: [{ type: 'text', text: { content: title } }] } };
  const body: Record<string, unknown> = { parent: { [parent.parentKey]: parent.id }, properties };
  if (target.property !== undefined) {
    properties[target.property] = { files: files.map((f) => ({ ...fileObject(f), name: f.name })) };
  } else {
    body.children = files.map((f) => {
      const type: MediaBlockType = defaultBlockType(f.name);
      return { object: 'block', type, [type]: { ...fileObject(f), caption: [], ...(type === 'file' ? { name: f.name } : {}) } };
    });
  }
  const image = target.cover === false ? undefined : files.find((f) => categoryOf(f.name) === 'image');
  if (image) body.cover = fileObject(image);
  return body;
}
