// Open descriptors by target, to check that a cancelled or failed read closed its file.
import { readdirSync, readlinkSync } from 'node:fs';

/** How many of this process's descriptors point at `file` (Linux /proc). */
export function openFdsTo(file: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === file) n++;
    } catch {
      // closed while listing
    }
  }
  return n;
}
