// Preloaded into every Node process of a benchmarked build (NODE_OPTIONS=--require):
// appends the process's peak resident memory, in bytes, to $BENCH_MAXRSS_FILE when it exits.
const { appendFileSync } = require('node:fs');
const file = process.env.BENCH_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`);
    } catch {
      // Measuring must never break the build it measures.
    }
  });
}
