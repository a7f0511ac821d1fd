// `node --import ./register.mjs dist/main/main.js` runs the bundled main against the fake Electron.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
