/** A reason an article (or a whole file) was refused, located for a person to fix it. */
export interface Problem {
  file: string;
  /** 1-based line of the offending field or byte; 0 when the problem is the whole file. */
  line: number;
  field: string;
  reason: string;
}
