// Which lines of a stored error excerpt are the error itself (marked on the review page) rather than the
// context lines the analysis keeps around it.
const ERROR_LINE = /\b(errors?|failed|failures?|fail(ing|s)?|fatal|panic|traceback|assert(ion)?|expected|cannot|undefined|not found|missing|denied|refused|timed? ?out)\b|\w(Error|Exception)\b|ERR!|✕|✖|✗|×|##\[error\]|^E\s/i;

export function errorLineIndexes(excerpt: string | null): number[] {
  if (!excerpt) return [];
  return excerpt.split("\n").flatMap((line, i) => (ERROR_LINE.test(line) ? [i] : []));
}
