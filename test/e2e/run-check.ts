/**
 * `runCheck` as `nax check --base <ref>` calls it, from the TypeScript sources, in its own process (under
 * jest's VM modules the wasm backend runs several times slower). Usage:
 *   node --import tsx test/e2e/run-check.ts <repoDir> <configPath> <baseRef>
 * Prints the CheckResult as JSON on stdout.
 */
import { runCheck } from '../../src/check.js';
import { initBackend } from '../../src/runtime/tfjs.js';

const [repoDir, configPath, baseRef] = process.argv.slice(2);
await initBackend('wasm');
const result = await runCheck({ repoDir, configPath, baseRef });
process.stdout.write(JSON.stringify(result));
