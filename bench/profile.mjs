#!/usr/bin/env node
// Where a build's CPU went, from a V8 CPU profile of Astro's process, and page rendering by route
// from the build's log. Profile a build of a scratch project (bench/out/n1000 after
// `npm run bench -- --commentaries 1000 --keep`), then summarise:
//   BASE_PATH=/ NODE_ENV=production node_modules/.bin/node --cpu-prof --cpu-prof-dir=prof \
//     node_modules/astro/bin/astro.mjs build > build.log
//   node bench/profile.mjs prof/*.cpuprofile [--from getStaticPaths --to renderPath] [--log build.log]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { routeTimes } from './phases.mjs';

/** Whether a frame's script is the project's own code: src/, or its bundle in Astro's prerender chunks. */
export function isOwnCode(url) {
  return /\/src\//.test(url) || (/\.prerender\/chunks\//.test(url) && !/\/chunks\/server_[^/]*$/.test(url));
}

/**
 * Sums a profile's samples (ms) by what ran: idle, garbage collection, the project's own code
 * (`isOwnCode` anywhere on the stack, Astro's helpers called from our templates included) and the
 * rest; and the self time of each function. Only the samples from the first whose stack names
 * `from` to the last whose stack names `to`, when given (say, page rendering: getStaticPaths to renderPath).
 */
export function summarizeProfile(profile, { from, to } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const stackOf = (id) => {
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at).callFrame);
    return stack;
  };
  const stacks = profile.samples.map(stackOf);
  const names = (frame) => `${frame.functionName} ${frame.url}`;
  const first = from ? stacks.findIndex((s) => s.some((f) => names(f).includes(from))) : 0;
  const lastTo = to ? stacks.findLastIndex((s) => s.some((f) => names(f).includes(to))) : stacks.length - 1;
  const categories = new Map();
  const functions = new Map();
  let total = 0;
  for (let i = Math.max(first, 0); i <= lastTo; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const [leaf] = stacks[i];
    total += ms;
    const category =
      leaf.functionName === '(idle)'
        ? 'idle'
        : leaf.functionName === '(garbage collector)'
          ? 'garbage collection'
          : stacks[i].some((f) => isOwnCode(f.url))
            ? 'our code'
            : 'Astro, Vite and Node';
    categories.set(category, (categories.get(category) ?? 0) + ms);
    const name = `${leaf.functionName || '(anonymous)'} ${leaf.url.replace(/^.*\/(chunks|src|node_modules)\//, '$1/')}:${leaf.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const sorted = (map) => [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total, categories: sorted(categories), functions: sorted(functions) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      log: { type: 'string' },
      top: { type: 'string', default: '25' },
    },
  });
  const row = (ms, of, name) =>
    `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / of).toFixed(1).padStart(5)} %  ${name}`;
  for (const file of positionals) {
    const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), values);
    console.log(`${file}: ${(summary.totalMs / 1000).toFixed(1)} s sampled`);
    for (const c of summary.categories) console.log(row(c.ms, summary.totalMs, c.name));
    console.log('\nself time by function:');
    for (const f of summary.functions.slice(0, Number(values.top)))
      console.log(row(f.ms, summary.totalMs, f.name));
  }
  if (values.log) {
    const routes = routeTimes(readFileSync(values.log, 'utf8'));
    const all = routes.reduce((sum, r) => sum + r.ms, 0);
    console.log('\npage rendering by route (wall time in the log):');
    for (const r of routes)
      console.log(`${row(r.ms, all, r.route)} (${r.pages} pages, ${(r.ms / r.pages).toFixed(1)} ms each)`);
  }
}
