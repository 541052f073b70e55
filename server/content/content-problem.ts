/** One thing the content check found wrong, at a file and line. */
export interface ContentProblem {
  file: string;
  line: number;
  rule: 'file' | 'complete' | 'duplicate' | 'one-line' | 'link' | 'translation';
  message: string;
}
