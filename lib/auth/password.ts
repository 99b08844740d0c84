// Password hashing with argon2id (OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1).
import { hash, verify } from '@node-rs/argon2'

const ARGON2ID = 2 // Algorithm.Argon2id (a const enum, unusable under isolatedModules)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false // a malformed stored hash never signs anyone in
  }
}

/**
 * A real hash of a random password: verifying against it when no account exists makes a wrong
 * e-mail cost as much time as a wrong password, so response time does not reveal which was wrong.
 */
let decoy: Promise<string> | undefined
export const decoyPasswordHash = () => (decoy ??= hashPassword(crypto.randomUUID()))
