/**
 * The error thrown when a whole dataset cannot be used (missing folder, no classes, bad CSV).
 * Problems with single files never throw: they are reported as skipped files instead.
 */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}
