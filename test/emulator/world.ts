// Everything the route handlers share.
import type { Bots } from './bots';
import type { Clock } from './clock';
import type { Importer } from './importer';
import type { Sample } from './samples';
import type { UrlSigner } from './signedUrls';
import type { UploadStore } from './uploads/store';
import type { Comments } from './workspace/comments';
import type { BlockInput } from './workspace/blockInput';
import type { FileObjects } from './workspace/fileObjects';
import type { Renderer } from './workspace/render';
import type { Workspace } from './workspace/store';

export interface World {
  clock: Clock;
  bots: Bots;
  uploads: UploadStore;
  workspace: Workspace;
  files: FileObjects;
  render: Renderer;
  blockInput: BlockInput;
  signer: UrlSigner;
  importer: Importer;
  comments: Comments;
  /** Files served at /samples/<name> (samples.ts). */
  samples: Map<string, Sample>;
  settings: { baseUrl: string; uploadUrlBase?: string; allowHttpImports: boolean; importChecksAtCreate: boolean; latencyMs: number; pageViewUrls: boolean };
}
