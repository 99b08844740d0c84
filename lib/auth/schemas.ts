import { z } from 'zod'
import { singleLineText } from '@/lib/text/plain-text'

/** engineer < manager < admin (see ROLE_RANK). Same values as the Prisma `Role` enum. */
export const ROLES = ['engineer', 'manager', 'admin'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

const email = z
  .string({ error: 'enter an e-mail address' })
  .trim()
  .max(254, 'at most 254 characters')
  .toLowerCase()
  .pipe(z.email({ error: 'enter an e-mail address' }))

export const credentialsInput = z.object({
  email,
  password: z.string({ error: 'enter your password' }).min(1, 'enter your password').max(1024),
})
export type CredentialsInput = z.infer<typeof credentialsInput>

/** NIST SP 800-63B: length over composition rules; 12 is our floor for staff accounts. */
export const newPasswordSchema = z
  .string({ error: 'enter a password' })
  .min(12, 'at least 12 characters')
  .max(256, 'at most 256 characters')

export const userInput = z.object({
  email,
  name: singleLineText({ max: 120, what: 'a name' }),
  role: roleSchema,
  password: newPasswordSchema,
})
export type UserInput = z.infer<typeof userInput>

const userId = z.uuid({ error: 'unknown user' })
export const roleChangeInput = z.object({ userId, role: roleSchema })
export type RoleChangeInput = z.infer<typeof roleChangeInput>

/** An admin disabling (or enabling again) a user; form values are strings. */
export const userStatusInput = z.object({
  userId,
  disabled: z.enum(['true', 'false'], { error: 'true or false' }).transform((value) => value === 'true'),
})
export const userReferenceInput = z.object({ userId })

/** A user's own password change: the current one, and the new one typed twice. */
export const passwordChangeInput = z
  .object({
    currentPassword: z.string({ error: 'enter your current password' }).min(1, 'enter your current password').max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: 'type the new password again' }).max(256),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ['confirmPassword'], message: 'does not match the new password' })
export type PasswordChangeInput = z.infer<typeof passwordChangeInput>

export const sessionReferenceInput = z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'unknown session') })

/** A signed-in user as pages and handlers see it (never the password hash). */
export const sessionUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema })
export type SessionUser = z.infer<typeof sessionUserSchema>

/** The user of a session that still counts, as lib/auth/session.ts hands it to pages and handlers. */
export type ActiveUser = SessionUser & {
  /** An admin reset the password: nothing but choosing a new one is allowed until then. */
  passwordResetRequired: boolean
  sessionId: string
}
