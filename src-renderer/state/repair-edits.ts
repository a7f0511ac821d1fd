/**
 * Applies a validation finding's repair (data from the core) to the document: the one-click
 * fixes offered on nodes, in the findings list and in the inspector.
 */
import { isLayerType } from '../../src-shared/layers/catalog.js';
import type { Params } from '../../src-shared/layers/types.js';
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import type { Repair } from '../../src-shared/graph/findings.js';
import { assertNever } from '../../src-shared/util/assert-never.js';
import { deleteElements, disconnect, insertLayerOnEdge, renameNode, setParam, type CreatedNodes } from './document-edits.js';

/** The repaired document, plus the node the user should look at next (the inserted or changed one). */
export function applyRepair(doc: ProjectDocument, repair: Repair): CreatedNodes {
  switch (repair.kind) {
    case 'insert-layer':
      if (!isLayerType(repair.layerType)) return { doc, ids: [] };
      return insertLayerOnEdge(doc, repair.source, repair.target, repair.layerType, (repair.params ?? {}) as Params);
    case 'set-param':
      return { doc: setParam(doc, repair.nodeId, repair.param, repair.value), ids: [repair.nodeId] };
    case 'remove-edge':
      return { doc: disconnect(doc, [repair.edgeId]), ids: [] };
    case 'rename-node':
      return { doc: renameNode(doc, repair.nodeId, repair.name), ids: [repair.nodeId] };
    case 'remove-node':
      return { doc: deleteElements(doc, [repair.nodeId]), ids: [] };
    default:
      return assertNever(repair);
  }
}
