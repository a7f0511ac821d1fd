/**
 * Commits one parameter value as an undoable edit, after checking it against the catalog spec
 * (the same `isValidParam` validation uses). A refused value returns what the parameter accepts.
 */
import { describeParam, isValidParam } from '../../src-shared/graph/params.js';
import type { ParamSpec, ParamValue } from '../../src-shared/layers/types.js';
import { useServices } from '../app/editor-context.js';
import { setParam } from '../state/document-edits.js';

export function useCommitParam(nodeId: string, key: string, spec: ParamSpec): (value: ParamValue) => string | null {
  const { store } = useServices();
  return (value) => {
    if (!isValidParam(spec, value)) return `${spec.label} must be ${describeParam(spec)}.`;
    const s = store.getState();
    s.apply(setParam(s.doc, nodeId, key, value));
    return null;
  };
}
