// Preloaded into the `npm start` child by bench/simulate.ts (node --import): at exit, writes the process's peak
// resident set (process.resourceUsage().maxRSS, kB, all threads including workers) to the file named by
// NAX_BENCH_RSS_FILE. Bench-only; the CLI itself never reads that variable.
import { writeFileSync } from 'node:fs';

const file = process.env.NAX_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
