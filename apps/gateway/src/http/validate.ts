import type { z } from 'zod';
import { validationProblem } from './problem';

/** Parses a body or query with its schema; 400 problem with the offending fields otherwise. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw validationProblem(r.error, prefix);
  return r.data;
}
