/** `netwright templates`: the bundled example projects a user can start from. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES_DIR } from '../../projects/load-model-file.js';
import type { CliIo } from '../io.js';

export async function runTemplates(io: CliIo): Promise<number> {
  const files = (await readdir(TEMPLATES_DIR)).filter((f) => f.endsWith('.nwproj')).sort();
  for (const f of files) {
    const doc = JSON.parse(await readFile(path.join(TEMPLATES_DIR, f), 'utf8')) as { name: string; description?: string };
    io.out(`${f.replace(/\.nwproj$/, '').padEnd(22)} ${doc.name}`);
  }
  return 0;
}
