// The folder the host tier opens: a copy of test/fixtures/workspace in a temp dir.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './hostDeps';

/** Environment variable through which the suite learns where to write its results. */
export const RESULTS_ENV = 'NOTION_ASSETS_TEST_RESULTS';

export function prepareWorkspace(dir: string): string {
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}
