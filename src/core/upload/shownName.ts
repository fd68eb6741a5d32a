// Where Notion shows a file under the name the request gives it, and where under the upload's
// own filename. Recorded: a files property item's `name` is what reads back (hkob
// update_page_set_file_property_file_upload: "test.png" for an upload of another name), a
// file block carries `name` (append_block_children_*_file); the SDK types give `name` to file
// blocks and property items only. Covers, icons, image/video/audio/pdf blocks and comment
// attachments take no name: they show the upload's filename.
import { categoryOf, defaultBlockType } from '../media';
import type { MediaBlockType } from '../notion/types';
import type { AttachTarget } from './types';

/**
 * True when every place the target puts `filename` names it as the request says, so an
 * upload of the same bytes under another name can be reused. `replaceBlockType`: the type of
 * the block a replace writes to (read before uploading). No target (upload only): unknown.
 */
export function targetNamesFile(target: AttachTarget | undefined, filename: string, replaceBlockType?: MediaBlockType): boolean {
  switch (target?.as) {
    case 'property':
      return true;
    case 'block':
      return (target.blockType ?? defaultBlockType(filename)) === 'file';
    case 'replace':
      return replaceBlockType === 'file';
    case 'newPage':
      // An image also becomes the page's cover, which shows the upload's own name.
      if (categoryOf(filename) === 'image' && target.cover !== false) return false;
      return target.property !== undefined || defaultBlockType(filename) === 'file';
    default:
      return false;
  }
}
