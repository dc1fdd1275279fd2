/**
 * Worked steps: the plain-data explanation a calculation returns alongside its result, for
 * questions and lessons to show. Every `explainX` function returns `Explained<T>`.
 */
export interface Step {
  /** One sentence a student reads, e.g. "A /27 leaves 32 − 27 = 5 host bits". */
  text: string;
  /** Optional formula in KaTeX-compatible TeX, e.g. "2^{5} = 32". */
  math?: string;
  /** The numbers or values used in this step, by name (strings so bigints and CIDRs fit). */
  values?: Record<string, string | number | boolean>;
}

export interface Explained<T> {
  result: T;
  steps: Step[];
}
