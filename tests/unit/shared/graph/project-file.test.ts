import { describe, expect, it } from 'vitest';
import { createEmptyDocument, PROJECT_VERSION } from '../../../../src-shared/graph/document.js';
import type { Migration } from '../../../../src-shared/graph/migrations.js';
import { migrateDocument } from '../../../../src-shared/graph/migrations.js';
import { parseProject, serializeProject } from '../../../../src-shared/graph/project-file.js';
import { getSpec, type LayerType } from '../../../../src-shared/layers/catalog.js';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import type { Params } from '../../../../src-shared/layers/types.js';

function validProject() {
  const doc = createEmptyDocument('demo');
  const params = (type: LayerType, given: Params) => withDefaults(getSpec(type).params, given);
  doc.nodes.push({ id: 'a', type: 'Input', name: 'input', params: params('Input', { dataKind: 'vector', shape: [4] }), position: { x: 0, y: 0 } });
  doc.nodes.push({ id: 'b', type: 'Dense', name: 'dense', params: params('Dense', { units: 2 }), position: { x: 0, y: 100 } });
  doc.edges.push({ id: 'e', source: 'a', target: 'b', targetIndex: 0 });
  return doc;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke arbitrary JSON paths
function withChange(mutate: (raw: Record<string, any>) => void): string {
  const raw = JSON.parse(serializeProject(validProject()));
  mutate(raw);
  return JSON.stringify(raw);
}

describe('project files', () => {
  it('round-trips a document through its text form unchanged', () => {
    const doc = validProject();
    const loaded = parseProject(serializeProject(doc));
    expect(loaded).toEqual({ ok: true, doc, migrated: [] });
  });

  it('reports broken JSON with line and column', () => {
    const r = parseProject('{\n  "format": "netwright-project",\n  "nodes": [,]\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^not valid JSON: .* at line 3, column \d+/);
  });

  it.each([
    ['a non-object', '[1,2]', /\(root\): expected a project object but got an array/],
    ['another format', '{"format":"keras"}', /format: expected "netwright-project" but got "keras"; this is not a Netwright project file/],
    ['a newer version', withChange((r) => (r.version = PROJECT_VERSION + 2)), /newer Netwright \(format version 3\); this version reads up to 1/],
    ['a non-integer version', withChange((r) => (r.version = 'one')), /version: expected a whole number ≥ 1 but got "one"/],
    ['an unknown layer type', withChange((r) => (r.nodes[1].type = 'Dens')), /^nodes\[1\]\.type: /],
    ['a string position', withChange((r) => (r.nodes[0].position.x = '12')), /^nodes\[0\]\.position\.x: .*number/],
    ['a negative input slot', withChange((r) => (r.edges[0].targetIndex = -1)), /^edges\[0\]\.targetIndex: /],
    ['an empty layer name', withChange((r) => (r.nodes[0].name = '')), /^nodes\[0\]\.name: expected a non-empty layer name/],
    ['an object param', withChange((r) => (r.nodes[1].params.units = { n: 2 })), /^nodes\[1\]\.params\.units: /],
    ['a zero learning rate', withChange((r) => (r.training.learningRate = 0)), /^training\.learningRate: expected a learning rate > 0/],
    ['a missing edges list', withChange((r) => delete r.edges), /^edges: /],
    ['a repeated node id', withChange((r) => (r.nodes[1].id = 'a')), /^nodes\[1\]\.id: "a" repeats nodes\[0\]\.id: ids must be unique/],
  ])('refuses %s with the JSON path and what was expected', (_label, text, pattern) => {
    const r = parseProject(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(pattern);
  });

  it('fills parameters the file does not mention with their defaults', () => {
    const r = parseProject(withChange((raw) => delete raw.nodes[1].params.units));
    expect(r.ok && r.doc.nodes[1]!.params).toMatchObject({ units: 128, activation: 'relu', useBias: true });
  });

  it('keeps unknown training settings a later version added (forward-compatible extras)', () => {
    const r = parseProject(withChange((raw) => (raw.training.earlyStopping = { patience: 3 })));
    expect(r.ok && r.doc.training.earlyStopping).toEqual({ patience: 3 });
  });
});

describe('migrations', () => {
  const steps: Migration[] = [
    { from: 1, description: 'rename layers → nodes', up: (d) => ({ ...d, nodes: d.layers, layers: undefined }) },
    { from: 2, description: 'add runs', up: (d) => ({ ...d, runs: [] }) },
  ];

  it('applies every step in order from the file version up to the target', () => {
    const r = migrateDocument({ version: 1, layers: ['x'] }, 3, steps);
    expect(r).toEqual({ ok: true, doc: { version: 3, nodes: ['x'], layers: undefined, runs: [] }, applied: ['rename layers → nodes', 'add runs'] });
  });

  it('does not touch the caller’s object', () => {
    const input = { version: 1, layers: ['x'] };
    migrateDocument(input, 3, steps);
    expect(input).toEqual({ version: 1, layers: ['x'] });
  });

  it('refuses a gap in the chain, naming the missing step', () => {
    const r = migrateDocument({ version: 1 }, 3, [steps[0]!]);
    expect(r).toEqual({ ok: false, error: 'version: no migration from format version 2 to 3' });
  });
});
