// Preloaded into every Node process of a benchmarked build (NODE_OPTIONS=--require): appends
// to $BENCH_MAXRSS_FILE, when the process exits, one line: its peak resident memory in bytes,
// its CPU time (user + system) in ms, and what it ran (the script's name), tab-separated.
const { appendFileSync } = require('node:fs');
const { basename } = require('node:path');
const file = process.env.BENCH_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
      const args = process.argv.slice(1).map((arg) => basename(arg));
      appendFileSync(file, `${usage.maxRSS * 1024}\t${cpuMs}\t${args.join(' ')}\n`);
    } catch {
      // Measuring must never break the build it measures.
    }
  });
}
