import type { Problem } from '../src/corpus/article-problem.ts';

/** Shared with the Worker's write routes (src/corpus/): the build and the API refuse an article for the same reasons. */
export type { Problem };

/** `file:line: field: reason`, the form editors and CI logs link to. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.field}: ${problem.reason}`;
}
