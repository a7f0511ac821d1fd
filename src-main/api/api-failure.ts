/**
 * Failures API services report on purpose, and the mapping of everything else to a stable
 * `ApiError`: the renderer gets a code and one readable line, never a stack.
 */
import type { ApiError } from '../../src-shared/ipc/contract.js';

export type ApiErrorCode = ApiError['code'];

/** Thrown by a service to end a call with a known code (FORBIDDEN, INVALID_PROJECT, …). */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Node's errno codes that mean "not there" rather than "something broke". */
const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR']);
/** Core messages can list several problems (one per line); keep them, but bounded. */
const MAX_MESSAGE = 4000;

/**
 * Converts anything a handler threw into an ApiError. File-system errors keep their first line
 * (it names the path, which is the user's own); unknown errors become INTERNAL and go to `log`
 * with their stack, because only a bug gets there.
 */
export function toApiError(error: unknown, call: string, log: (line: string) => void): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: truncate(error.message, MAX_MESSAGE) };
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) {
    const message = describeErrno(error as NodeJS.ErrnoException);
    return { code: NOT_FOUND_CODES.has(errno) ? 'NOT_FOUND' : 'IO', message };
  }
  log(`netwright: internal error in ${call}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const summary = firstLine(error instanceof Error ? error.message : String(error));
  return { code: 'INTERNAL', message: truncate(`internal error in ${call}: ${summary}`, 300) };
}

function describeErrno(e: NodeJS.ErrnoException): string {
  const where = e.path ? `: ${e.path}` : '';
  switch (e.code) {
    case 'ENOENT':
      return `no such file or folder${where}`;
    case 'ENOTDIR':
      return `not a folder${where}`;
    case 'EISDIR':
      return `is a folder, not a file${where}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied${where}`;
    case 'ENOSPC':
      return `the disk is full${where}`;
    default:
      return truncate(firstLine(e.message) || String(e.code), 300);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
