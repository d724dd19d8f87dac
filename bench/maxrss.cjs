// Preloaded into every Node process of a benchmarked build (NODE_OPTIONS=--require): appends
// to $BENCH_MAXRSS_FILE, when the process exits, one line: its peak resident memory in bytes,
// its CPU time (user + system) in ms, and what it ran (the script's name), tab-separated.
// Then one line per child process still there (running, or ended but not waited for), as
// `0 \t cpuMs \t child:<name>`: Pagefind's binary is such a child of Astro's process, and the CPU
// of a child its parent never waits for is counted by no one else (not by GNU time's total).
const { appendFileSync, readdirSync, readFileSync } = require('node:fs');
const { basename } = require('node:path');
const file = process.env.BENCH_MAXRSS_FILE;

/** The name and CPU time in ms of a process, from /proc (Linux only). */
function processStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  // After the name: state, ppid, …; utime and stime are the 12th and 13th, in clock ticks (100 a second).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { name, cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
}

/** The ids of this process's children that are still there. */
function children() {
  const pids = [];
  for (const task of readdirSync('/proc/self/task')) {
    const listed = readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
    if (listed) pids.push(...listed.split(' '));
  }
  return pids;
}

if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
      const args = process.argv.slice(1).map((arg) => basename(arg));
      let lines = `${usage.maxRSS * 1024}\t${cpuMs}\t${args.join(' ')}\n`;
      try {
        for (const pid of children()) {
          const child = processStat(pid);
          lines += `0\t${child.cpuMs}\tchild:${child.name}\n`;
        }
      } catch {
        // No /proc (not Linux): children are left uncounted.
      }
      appendFileSync(file, lines);
    } catch {
      // Measuring must never break the build it measures.
    }
  });
}
