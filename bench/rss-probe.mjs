// Preloaded into the `npm start` child by bench/simulate.ts (node --import): at exit, writes the process's peak
// resident set (process.resourceUsage().maxRSS, kB, all threads including workers) and its CPU seconds (user +
// system, all threads) as JSON to the file named by NAX_BENCH_RSS_FILE. Bench-only; the CLI never reads it.
import { writeFileSync } from 'node:fs';

const file = process.env.NAX_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuS: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  });
}
