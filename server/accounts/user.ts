import { z } from 'zod';

export const ROLES = ['agent', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a signed-in person, or nobody. */
export interface User {
  id: number;
  name: string;
  role: Role;
}

export const userNameSchema = z
  .string({ error: 'name is required' })
  .trim()
  .min(2, 'name must be at least 2 characters')
  .max(40, 'name must be at most 40 characters')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'name may use letters, digits, dots, dashes and underscores');

export const roleSchema = z.enum(ROLES, { error: 'role must be agent, lead or admin' });

export const passwordSchema = z
  .string({ error: 'password is required' })
  .min(10, 'password must be at least 10 characters')
  .max(200, 'password must be at most 200 characters');
