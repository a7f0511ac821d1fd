/**
 * Whole-document validation: the structural and shape findings from `analyzeGraph`, plus
 * checks that need to know the task (does the output layer fit the dataset's classes?).
 */
import { formatShape } from '../layers/common.js';
import type { Shape } from '../layers/types.js';
import { analyzeGraph, type GraphAnalysis } from './analyze.js';
import type { DatasetSettings, GraphNode, ProjectDocument } from './document.js';
import { makeFinding, type Finding } from './findings.js';

export interface TaskInfo {
  task: 'classification' | 'regression';
  /** Number of classes for classification; number of targets for regression. */
  outputs: number;
}

/** What the dataset implies for the output layer, when it is known without reading files. */
export function taskFromDataset(dataset: DatasetSettings | null): TaskInfo | null {
  if (dataset?.kind === 'mnist') return { task: 'classification', outputs: 10 };
  return null;
}

export interface Validation {
  analysis: GraphAnalysis;
  findings: Finding[];
  errors: number;
  warnings: number;
}

export function validateDocument(doc: ProjectDocument, task: TaskInfo | null = taskFromDataset(doc.dataset)): Validation {
  const analysis = analyzeGraph(doc);
  const findings = [...analysis.findings];
  if (task) for (const id of analysis.outputIds) findings.push(...checkOutput(analysis, id, task));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { analysis, findings, errors, warnings: findings.filter((f) => f.severity === 'warning').length };
}

/** Layers that pass their input through unchanged in width, so the output check looks past them. */
const TRANSPARENT = new Set(['Dropout', 'Activation', 'BatchNormalization', 'LayerNormalization']);

function checkOutput(analysis: GraphAnalysis, outputId: string, task: TaskInfo): Finding[] {
  const out = analysis.nodes.get(outputId);
  if (!out?.output) return [];
  const width = lastDim(out.output);
  const activationNode = findActivationNode(analysis, out.node);
  const widthNode = findWidthNode(analysis, out.node);
  const activation = activationNode ? String(activationNode.params.activation) : 'linear';
  const findings: Finding[] = [];
  if (out.output.length !== 1) {
    const what = task.task === 'classification' ? `one vector of ${task.outputs} class scores` : `one vector of ${task.outputs} target${task.outputs === 1 ? '' : 's'}`;
    return [makeFinding('OUTPUT_UNITS', 'error', `${out.node.type} "${out.node.name}" outputs ${formatShape(out.output)} per sample but the model must output ${what}; flatten or pool before the last layer`, { nodeId: out.node.id })];
  }
  if (task.task === 'classification') {
    const binarySigmoid = task.outputs === 2 && width === 1 && activation === 'sigmoid';
    if (width !== task.outputs && !binarySigmoid) {
      findings.push(makeFinding('OUTPUT_UNITS', 'error',
        `${out.node.type} "${out.node.name}" outputs ${width ?? '?'} values but the dataset has ${task.outputs} classes`,
        widthNode ? { nodeId: out.node.id, repair: { kind: 'set-param', label: `Set "${widthNode.name}" units to ${task.outputs}`, nodeId: widthNode.id, param: unitsParam(widthNode), value: task.outputs } } : { nodeId: out.node.id }));
    }
    if (activation !== 'softmax' && !binarySigmoid) {
      findings.push(makeFinding('OUTPUT_ACTIVATION', 'warning',
        `A classifier's last activation should be softmax (probabilities over ${task.outputs} classes, paired with cross-entropy loss), but "${(activationNode ?? out.node).name}" uses ${activation}`,
        activationNode ? { nodeId: out.node.id, repair: { kind: 'set-param', label: `Use softmax on "${activationNode.name}"`, nodeId: activationNode.id, param: 'activation', value: 'softmax' } } : { nodeId: out.node.id }));
    }
  } else {
    if (width !== task.outputs) {
      findings.push(makeFinding('OUTPUT_UNITS', 'error',
        `${out.node.type} "${out.node.name}" outputs ${width ?? '?'} values but the regression has ${task.outputs} target${task.outputs === 1 ? '' : 's'}`,
        widthNode ? { nodeId: out.node.id, repair: { kind: 'set-param', label: `Set "${widthNode.name}" units to ${task.outputs}`, nodeId: widthNode.id, param: unitsParam(widthNode), value: task.outputs } } : { nodeId: out.node.id }));
    }
    if (activation === 'softmax' || activation === 'sigmoid' || activation === 'relu') {
      findings.push(makeFinding('OUTPUT_ACTIVATION', 'warning',
        `A regression output should be linear (any real value, paired with squared loss), but "${activationNode!.name}" uses ${activation}, which limits the range`,
        { nodeId: out.node.id, repair: { kind: 'set-param', label: `Use linear on "${activationNode!.name}"`, nodeId: activationNode!.id, param: 'activation', value: 'linear' } }));
    }
  }
  return findings;
}

function lastDim(shape: Shape): number | null {
  return shape.length === 0 ? null : (shape[shape.length - 1] ?? null);
}

function upstream(analysis: GraphAnalysis, node: GraphNode): GraphNode | null {
  const first = analysis.topology.incoming.get(node.id)?.[0];
  return first ? (analysis.nodes.get(first.source)?.node ?? null) : null;
}

/** The node whose `activation` param decides the output's last activation. */
function findActivationNode(analysis: GraphAnalysis, node: GraphNode | null): GraphNode | null {
  for (let n = node; n; n = upstream(analysis, n)) {
    if ('activation' in n.params) return n;
    if (!TRANSPARENT.has(n.type)) return null;
  }
  return null;
}

/** The node whose width param (units, filters) sets the output's last dimension. */
function findWidthNode(analysis: GraphAnalysis, node: GraphNode | null): GraphNode | null {
  for (let n = node; n; n = upstream(analysis, n)) {
    if ('units' in n.params || 'filters' in n.params) return n;
    if (!TRANSPARENT.has(n.type)) return null;
  }
  return null;
}

function unitsParam(node: GraphNode): string {
  return 'units' in node.params ? 'units' : 'filters';
}
