/* global URL */
// Module resolution hook: `import 'electron'` in the bundled main gets the fake beside this file.
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./electron.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
