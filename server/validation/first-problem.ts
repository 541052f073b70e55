import type { z } from 'zod';

export interface Problem {
  /** Where the problem is, e.g. ['solutions', '0', 'title']. */
  path: string[];
  message: string;
}

/**
 * The first problem zod found, in words a person can act on. A missing field says "is required"
 * (zod 4 does not keep the input on its issues, so the input is looked at here).
 */
export function firstProblem(error: z.ZodError, input: unknown): Problem {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const missing = issue.code === 'invalid_type' && valueAt(input, path) === undefined;
  return { path, message: missing && path.length ? `${path.at(-1)} is required` : issue.message };
}

function valueAt(input: unknown, path: string[]): unknown {
  let value = input;
  for (const key of path) value = (value as Record<string, unknown> | null | undefined)?.[key];
  return value;
}
