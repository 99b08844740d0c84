import { z } from 'zod'

/** engineer < manager < admin (see ROLE_RANK). Same values as the Prisma `Role` enum. */
export const ROLES = ['engineer', 'manager', 'admin'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'enter an e-mail address' }))

export const credentialsInput = z.object({
  email,
  password: z.string().min(1, 'enter your password').max(1024),
})
export type CredentialsInput = z.infer<typeof credentialsInput>

/** NIST SP 800-63B: length over composition rules; 12 is our floor for staff accounts. */
export const newPasswordSchema = z.string().min(12, 'at least 12 characters').max(256, 'at most 256 characters')

export const userInput = z.object({
  email,
  name: z.string().trim().min(1, 'enter a name').max(120),
  role: roleSchema,
  password: newPasswordSchema,
})
export type UserInput = z.infer<typeof userInput>

export const roleChangeInput = z.object({ userId: z.uuid({ error: 'unknown user' }), role: roleSchema })
export type RoleChangeInput = z.infer<typeof roleChangeInput>

/** A signed-in user as pages and handlers see it (never the password hash). */
export const sessionUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema })
export type SessionUser = z.infer<typeof sessionUserSchema>
