import type { z } from 'zod';
import { firstProblem } from '../validation/first-problem.ts';
import { Invalid } from '../errors/domain-errors.ts';

/** Parses input with a schema, or fails with a 400 naming the first field at fault. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problem = firstProblem(result.error, input);
  throw new Invalid(problem.message, problem.path.join('.') || undefined);
}
