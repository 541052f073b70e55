import { z } from 'zod';
import { mixedScripts } from './user-names.ts';

export const ROLES = ['agent', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a signed-in person, or nobody. */
export interface User {
  id: number;
  name: string;
  role: Role;
  /** The interface language the person chose on their account page; null or absent: follow the browser. */
  language?: string | null;
}

/** NFKC first, so fullwidth `ｍａｒｉａ` is `maria`; then one script of look-alike letters per name. */
export const userNameSchema = z
  .string({ error: 'name is required' })
  .transform((name) => name.normalize('NFKC'))
  .pipe(
    z
      .string()
      .trim()
      .min(2, 'name must be at least 2 characters')
      .max(40, 'name must be at most 40 characters')
      .regex(/^[\p{L}\p{N}._-]+$/u, 'name may use letters, digits, dots, dashes and underscores')
      .superRefine((name, ctx) => {
        const scripts = mixedScripts(name);
        if (scripts) ctx.addIssue({ code: 'custom', message: `name mixes ${scripts} letters that look alike; use one alphabet` });
      }),
  );

export const roleSchema = z.enum(ROLES, { error: 'role must be agent, lead or admin' });

export const passwordSchema = z
  .string({ error: 'password is required' })
  .min(10, 'password must be at least 10 characters')
  .max(200, 'password must be at most 200 characters');
