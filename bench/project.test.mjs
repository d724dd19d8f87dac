import { describe, expect, test } from 'vitest';
import { onlyAnalyses, run, treeRss } from './project.mjs';

const analysis = (id) => ({ id, title: `Title of ${id}` });
const commentary = (analysisId, expert) => ({
  id: `${analysisId}/${expert}`,
  analysis: analysisId,
  passages: [],
});

describe('onlyAnalyses', () => {
  const data = {
    analyses: [analysis('added'), analysis('real'), analysis('older')],
    experts: [{ id: 'ada' }],
    commentaries: [commentary('added', 'ada'), commentary('real', 'ada'), commentary('older', 'ada')],
  };

  test('keeps the analyses named and their commentaries, in the site’s order, and everything else', () => {
    expect(onlyAnalyses(data, ['older', 'real'])).toEqual({
      analyses: [analysis('real'), analysis('older')],
      experts: [{ id: 'ada' }],
      commentaries: [commentary('real', 'ada'), commentary('older', 'ada')],
    });
  });

  test('keeps nothing of an analysis not named, nor of a name the site does not have', () => {
    expect(onlyAnalyses(data, ['missing'])).toMatchObject({ analyses: [], commentaries: [] });
  });
});

describe('memory of a whole process tree', () => {
  // A child and its own child each hold 64 MiB written (so resident) until they end.
  const HOLD = `const b = Buffer.alloc(64 * 2 ** 20, 1); setTimeout(() => b.length, 1500);`;
  const TREE = `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(HOLD)}], { stdio: 'inherit' }); ${HOLD}`;

  test('counts the memory of every descendant, and the peak of a command it runs', async () => {
    const { peakTreeRss, code } = await run(process.execPath, ['-e', TREE], {});
    expect(code).toBe(0);
    // Two processes of 64 MiB each at once: more than either alone.
    expect(peakTreeRss).toBeGreaterThan(128 * 2 ** 20);
    expect(treeRss(process.pid)).toBeGreaterThan(0);
  });

  test('is 0 for a process that is not there', () => {
    expect(treeRss(2 ** 30)).toBe(0);
  });
});
