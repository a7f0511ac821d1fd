/**
 * The one entry point both transports call: validate the untrusted request against the
 * contract's schema, run the handler, and turn every outcome into a CallResult envelope.
 * It never throws and never sends a stack to the renderer.
 */
import { formatPath } from '../../src-shared/graph/project-file.js';
import { CALL_SCHEMAS, isCallName, type ApiError, type CallName, type CallResult } from '../../src-shared/ipc/contract.js';
import { toApiError } from './api-failure.js';
import type { ApiHandlers } from './create-api.js';

export type Logger = (line: string) => void;

const logToStderr: Logger = (line) => process.stderr.write(`${line}\n`);

/** Validates and runs call `name`; unknown calls and bad requests are BAD_REQUEST. */
export async function dispatchCall(api: ApiHandlers, name: string, rawRequest: unknown, log: Logger = logToStderr): Promise<CallResult<CallName>> {
  if (!isCallName(name)) return failure('BAD_REQUEST', `unknown call "${String(name).slice(0, 80)}"`);
  const parsed = CALL_SCHEMAS[name].safeParse(rawRequest === undefined ? {} : rawRequest);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
    return failure('BAD_REQUEST', `${name}: ${issues.join('; ')}`);
  }
  try {
    // The schema and the handler share the key, so this is the handler for this request type.
    const handler = api[name] as (request: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value } as CallResult<CallName>;
  } catch (error) {
    return { ok: false, error: toApiError(error, name, log) };
  }
}

function failure(code: ApiError['code'], message: string): CallResult<CallName> {
  return { ok: false, error: { code, message } };
}
