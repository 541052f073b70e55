import type { RequestHandler } from 'express';
import { hasLoneSurrogate } from '../validation/text.ts';
import { Invalid } from '../errors/domain-errors.ts';

/**
 * Refuses any request whose body or query holds a lone UTF-16 surrogate (JSON can carry
 * "\ud800"): such text cannot be stored or shown, so it is refused here, once, for every input.
 */
export const refuseBrokenText: RequestHandler = (req, _res, next) => {
  const field = brokenField(req.body) ?? brokenField(req.query);
  if (field !== undefined) {
    throw new Invalid(`${field || 'The request'} contains a broken character (a lone UTF-16 surrogate); retype or paste it again`, field || undefined);
  }
  next();
};

/** The path of the first string with a lone surrogate ('' for the value itself), or undefined. */
function brokenField(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : undefined;
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (hasLoneSurrogate(key)) return path;
    const found = brokenField(inner, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
