/**
 * Image-folder import benchmark alone (it is also part of `npm run bench`):
 * npx tsx scripts/bench-datasets.ts
 */
import { benchImageImport, formatImportBench } from './bench/import-bench.js';

console.log(formatImportBench(await benchImageImport()).join('\n'));
