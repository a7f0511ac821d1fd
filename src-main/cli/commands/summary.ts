/** `netwright summary <file> [--json]`: the Keras-style table, or the machine-readable form. */
import { validateDocument } from '../../../src-shared/graph/validate.js';
import { formatSummaryTable, summarizeModel } from '../../../src-shared/graph/summary.js';
import { loadModelFile } from '../../projects/load-model-file.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';

export async function runSummary(file: string, opts: { json: boolean }, io: CliIo): Promise<number> {
  const { doc, warnings } = await loadModelFile(file);
  const { analysis, findings } = validateDocument(doc, null);
  const summary = summarizeModel(doc, analysis);
  const blocking = findings.filter((f) => f.severity === 'error');
  if (blocking.length > 0 && summary.rows.every((r) => r.outputShape === null)) {
    throw new CliError(`${file}: ${blocking[0]!.message}`);
  }
  if (opts.json) {
    io.out(
      JSON.stringify({
        name: summary.name,
        layers: summary.rows.map((r) => ({
          name: r.name,
          type: r.type,
          outputShape: r.outputShape,
          params: r.params,
          trainableParams: r.trainable,
          nonTrainableParams: r.nonTrainable,
          macs: r.macs,
          inputs: r.inputs,
        })),
        totalParams: summary.totalParams,
        trainableParams: summary.trainableParams,
        nonTrainableParams: summary.nonTrainableParams,
        macs: summary.macs,
        activationBytes: summary.activationBytes,
        errors: blocking.map((f) => ({ code: f.code, message: f.message })),
      }),
    );
  } else {
    io.out(formatSummaryTable(summary));
    for (const w of warnings) io.err(`note: ${w}`);
    for (const f of blocking) io.err(`error ${f.code}: ${f.message}`);
  }
  return blocking.length > 0 ? 1 : 0;
}
