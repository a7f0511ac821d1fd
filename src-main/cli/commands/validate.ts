/** `netwright validate <file> [--json]`: every finding with its code, layer and one-click repair. */
import { validateDocument } from '../../../src-shared/graph/validate.js';
import { loadModelFile } from '../../projects/load-model-file.js';
import type { CliIo } from '../io.js';

export async function runValidate(file: string, opts: { json: boolean }, io: CliIo): Promise<number> {
  const { doc, source } = await loadModelFile(file);
  const { analysis, findings, errors, warnings } = validateDocument(doc);
  if (opts.json) {
    io.out(JSON.stringify({ file: source, errors, warnings, findings }));
    return errors > 0 ? 1 : 0;
  }
  const names = new Map([...analysis.nodes.values()].map((a) => [a.node.id, a.node.name]));
  io.out(`${source}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  for (const f of findings) {
    const where = f.nodeId ? ` [${names.get(f.nodeId) ?? f.nodeId}]` : '';
    io.out(`  ${f.severity} ${f.code}${where}: ${f.message}`);
    if (f.repair) io.out(`    fix: ${f.repair.label}`);
  }
  return errors > 0 ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
