// How a file of a given size is sent: one part up to 20,000,000 bytes, else parts of 5–20 MiB
// (10 MiB by default, ≤ 1000).
const MiB = 1024 * 1024;
/** The docs say "20 MB"; no recording shows which reading Notion enforces, so the smaller one. */
export const SINGLE_PART_MAX_BYTES = 20_000_000;
export const MIN_PART_BYTES = 5 * MiB;
export const MAX_PART_BYTES = 20 * MiB;
/** Notion's recommendation and the only part size seen in real traffic (10485760-byte parts). */
export const DEFAULT_PART_BYTES = 10 * MiB;
export const MAX_PARTS = 1000;

export type PartPlan =
  | { mode: 'single_part'; sizeBytes: number }
  | { mode: 'multi_part'; sizeBytes: number; partSizeBytes: number; numberOfParts: number };

/** `partSizeBytes` grows (up to 20 MiB) when the configured size would need more than 1000 parts. */
export function planParts(sizeBytes: number, partSizeBytes = DEFAULT_PART_BYTES): PartPlan {
  if (sizeBytes <= SINGLE_PART_MAX_BYTES) return { mode: 'single_part', sizeBytes };
  const partSize = Math.min(MAX_PART_BYTES, Math.max(partSizeBytes, Math.ceil(sizeBytes / MAX_PARTS)));
  const numberOfParts = Math.ceil(sizeBytes / partSize);
  if (numberOfParts > MAX_PARTS) {
    throw new RangeError(`${sizeBytes} bytes need more than ${MAX_PARTS} parts of ${MAX_PART_BYTES} bytes`);
  }
  return { mode: 'multi_part', sizeBytes, partSizeBytes: partSize, numberOfParts };
}

/** Byte range [start, end) of a 1-based part. */
export function partRange(plan: { sizeBytes: number; partSizeBytes: number }, partNumber: number): [number, number] {
  const start = (partNumber - 1) * plan.partSizeBytes;
  return [start, Math.min(plan.sizeBytes, start + plan.partSizeBytes)];
}

export function checkPartSize(partSizeBytes: number): void {
  if (!Number.isInteger(partSizeBytes) || partSizeBytes < MIN_PART_BYTES || partSizeBytes > MAX_PART_BYTES) {
    throw new RangeError(`partSizeBytes must be an integer from ${MIN_PART_BYTES} (5 MiB) to ${MAX_PART_BYTES} (20 MiB), got ${partSizeBytes}`);
  }
}
