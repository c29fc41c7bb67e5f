// Preload for `node --import`: records the URL of every module the ES module loader resolves, one a line, in
// the file named by MODULE_LOAD_LOG. test/cli/lazy-loading.test.ts uses it to see which libraries a command loads.
import { register } from 'node:module';

if (process.env.MODULE_LOAD_LOG) register('./record-hooks.js', import.meta.url);
