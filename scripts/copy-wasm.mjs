// ncc does not relocate the tfjs wasm binaries: copy them beside each bundle (reference/tfjs-in-node.md §5).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
const src = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
for (const out of ['dist', 'dist/cli']) {
  for (const f of ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm']) copyFileSync(join(src, f), join(out, f));
}
