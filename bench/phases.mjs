// What each phase of a build took, read from the build's own log (scripts/build.mjs: the content
// check, then Astro, whose last step writes the Pagefind index), and the CPU time of each Node
// process from the benchmark's preload (maxrss.cjs).

/** Seconds in an Astro duration: `6.42s`, `1m 4s`, `984ms`. */
export function seconds(text) {
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|m|s)\b/g))
    total += Number(n) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
  return total;
}

/**
 * The phases of one build, in seconds of wall time, from its log: the content check, Astro's
 * content sync, its static entrypoints (Vite), page rendering, and the Pagefind index; and how
 * many pages were rendered or copied from the previous build. A phase missing from the log is `null`.
 */
export function buildPhases(log) {
  // Astro colours its log unless told not to: read it without the escape codes.
  const text = log.replace(/\u001b\[[0-9;]*m/g, '');
  const one = (pattern) => {
    const match = pattern.exec(text);
    return match ? seconds(match[1]) : null;
  };
  const routes = text.split(/generating static routes/)[1]?.split(/✓ Completed in/)[0] ?? '';
  const entrypoints = text.split(/Building static entrypoints/)[1]?.split(/generating static routes/)[0];
  const vite = entrypoints ? [...entrypoints.matchAll(/\[vite\] ✓ built in (\S+)/g)] : [];
  const checked = /ready to publish: .*\((\d+(?:\.\d+)?) s\)/.exec(text);
  // Astro renders several pages at once (build.concurrency): a rendered page's line is written in two
  // parts, its path and later its time, with other pages' paths in between. A copied page's path and
  // "(restored)" are written together. So: every path marker is a page, and those not copied were rendered.
  const restored = [...routes.matchAll(/[├└]─ \S+ \((?:restored|cached)\)/g)].length;
  const beside =
    /Pagefind indexed and wrote them (?:while the pages rendered|from the content check on), in (\d+) ms\./.exec(
      text,
    );
  const indexed = /Indexed \d+ (?:records|passages) for search .*? in (\d+) ms\./.exec(text);
  return {
    check: checked ? Number(checked[1]) : null,
    contentSync: one(/\[types\] Generated (\S+(?: \S+s)?)/),
    entrypoints: vite.length > 0 ? vite.reduce((sum, m) => sum + seconds(m[1]), 0) : null,
    pages: one(/generating static routes[\s\S]*?✓ Completed in (.+?s)\.\s*$/m),
    // What the build waited for Pagefind after the last page; and how long Pagefind ran in all,
    // beside the pages, when the records were handed to it as they were rendered.
    pagefind: indexed ? Number(indexed[1]) / 1000 : null,
    pagefindBeside: beside ? Number(beside[1]) / 1000 : null,
    restored,
    rendered: [...routes.matchAll(/[├└]─ /g)].length - restored,
  };
}

/**
 * CPU seconds by process from the preload's lines: `rss \t cpuMs \t what ran`. `children` is the
 * CPU of child processes their parent never waited for (`child:<name>` lines: Pagefind's binary).
 */
export function processCpu(lines) {
  const cpu = { check: 0, astro: 0, other: 0, children: 0 };
  for (const line of lines) {
    const [, ms, what = ''] = line.split('\t');
    if (ms === undefined) continue;
    const key = what.startsWith('child:')
      ? 'children'
      : /check-content|vite-node/.test(what)
        ? 'check'
        : /astro/.test(what)
          ? 'astro'
          : 'other';
    cpu[key] += Number(ms) / 1000;
  }
  return cpu;
}

/** A rendered page's route: its path with each id in it (a segment after the first folder) as `*`. */
export function routeOf(path) {
  const parts = path.split('/');
  const literal = (part) => /^(index\.html|page|bottom-lines|feed\.xml|citation\.\w+)?$/.test(part);
  return parts
    .map((part, i) => {
      if (i <= 1 || literal(part)) return part;
      return i === parts.length - 1 ? `*${/\.\w+$/.exec(part)?.[0] ?? ''}` : '*';
    })
    .join('/');
}

/**
 * Where page rendering went, by route, from a build's log: Astro's "(+N ms)" after each page,
 * summed by `routeOf` its path, the costliest first. Pages copied from the previous build are left out.
 * Astro renders several pages at once (build.concurrency), so a page's time includes what the pages
 * beside it took: the sums say which routes weigh most, not what each costs alone.
 */
export function routeTimes(log) {
  const text = log.replace(/\u001b\[[0-9;]*m/g, '');
  const routes = text.split(/generating static routes/)[1]?.split(/✓ Completed in/)[0] ?? '';
  const byRoute = new Map();
  for (const [, path, ms] of routes.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) {
    const route = routeOf(path);
    const entry = byRoute.get(route) ?? { route, pages: 0, ms: 0 };
    entry.pages += 1;
    entry.ms += Number(ms);
    byRoute.set(route, entry);
  }
  return [...byRoute.values()].sort((a, b) => b.ms - a.ms || (a.route < b.route ? -1 : 1));
}
