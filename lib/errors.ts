// Errors lib/ throws; lib/http/define-route.ts maps them to status codes once.

export class NotFoundError extends Error {
  override name = 'NotFoundError'
}

export class ForbiddenError extends Error {
  override name = 'ForbiddenError'
}

export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError'
  constructor(message = 'sign in first') {
    super(message)
  }
}

export type FieldIssue = { path: string; message: string }

/** Input that parsed but breaks a rule (e.g. a duplicate e-mail); carries the field it is about. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError'
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '))
  }
}

/** A conflict with the current state (e.g. demoting the last admin); `issues` name the fields it is about, when it is about some (a name taken). */
export class ConflictError extends Error {
  override name = 'ConflictError'
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
  }
}

/** A service we depend on (Jaeger) did not answer; the request may succeed later. */
export class UnavailableError extends Error {
  override name = 'UnavailableError'
}
