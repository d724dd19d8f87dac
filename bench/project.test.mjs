import { describe, expect, test } from 'vitest';
import { onlyAnalyses } from './project.mjs';

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
