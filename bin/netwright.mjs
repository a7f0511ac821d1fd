#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx netwright` works straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src-main/cli/main.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (error) {
  // Only bugs reach here: user mistakes are CliErrors reported inside runCli.
  console.error('netwright: internal error (please report it):');
  console.error(error);
  process.exitCode = 70;
}
