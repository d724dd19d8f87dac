/**
 * A function of a string, remembered: each answer is computed once, for up to `limit` different
 * arguments; past that, everything is forgotten at once and remembered afresh, so that a long
 * `astro dev` session never grows without bound. For pure functions asked the same things many
 * times in a build (a page links to the same ids, cites the same titles, tags the same passages).
 */
export function remembered<T>(compute: (key: string) => T, limit = 100_000): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined && !answers.has(key)) {
      answer = compute(key);
      if (answers.size >= limit) answers.clear();
      answers.set(key, answer);
    }
    return answer as T;
  };
}
