/**
 * A host call as component state: loading, the value, or the failure (a message and its code),
 * with a retry. Answers are cached per host and request, so going back to a run shows its
 * results at once; failures are never cached, so "Try again" really asks again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, CallName, CallRequest, CallResponse, CallResult } from '../../src-shared/ipc/contract.js';
import type { Host } from '../../src-shared/ipc/host.js';
import { useServices } from '../app/editor-context.js';

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ApiError };

const caches = new WeakMap<Host, Map<string, Promise<CallResult<CallName>>>>();

function cachedCall<K extends CallName>(host: Host, name: K, request: CallRequest<K>): Promise<CallResult<K>> {
  let cache = caches.get(host);
  if (!cache) {
    cache = new Map();
    caches.set(host, cache);
  }
  const key = `${name} ${JSON.stringify(request)}`;
  const hit = cache.get(key) as Promise<CallResult<K>> | undefined;
  if (hit) return hit;
  const pending = host.call(name, request).catch((e: unknown): CallResult<K> => ({
    ok: false,
    error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
  }));
  cache.set(key, pending as Promise<CallResult<CallName>>);
  void pending.then((r) => {
    if (!r.ok) cache.delete(key);
  });
  return pending;
}

/** Runs `name(request)` whenever the request changes (null = nothing to ask yet). */
export function useHostQuery<K extends CallName>(
  name: K,
  request: CallRequest<K> | null,
): { state: QueryState<CallResponse<K>>; retry(): void } {
  const { host } = useServices();
  const key = request === null ? null : JSON.stringify(request);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<QueryState<CallResponse<K>>>({ status: 'loading' });

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState({ status: 'loading' });
    void cachedCall(host, name, JSON.parse(key) as CallRequest<K>).then((r) => {
      if (live) setState(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [host, name, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
