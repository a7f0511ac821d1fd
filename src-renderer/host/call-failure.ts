/**
 * Turns a transport failure (a rejected IPC call, an unreachable server) into the same
 * CallResult envelope a handled failure has, so UI code handles one shape of error.
 */
import type { ApiError, CallName, CallResult } from '../../src-shared/ipc/contract.js';

export function failure<K extends CallName>(code: ApiError['code'], message: string): CallResult<K> {
  return { ok: false, error: { code, message } };
}

/** Reads a CallResult envelope from untrusted JSON; anything else becomes an INTERNAL failure. */
export function asCallResult<K extends CallName>(value: unknown, name: K): CallResult<K> {
  const v = value as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (v && v.ok === true && 'value' in v) return v as CallResult<K>;
  if (v && v.ok === false && typeof v.error?.message === 'string') return v as CallResult<K>;
  return failure('INTERNAL', `${name}: the app answered with something that is not a call result`);
}
