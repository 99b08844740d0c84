// Runs once when the Next.js server starts: a bad environment stops it here, naming the variable,
// instead of failing the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { loadEnvOrExit } = await import('./lib/env')
  loadEnvOrExit()
}
