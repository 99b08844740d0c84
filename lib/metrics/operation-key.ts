// One operation of a service as a map key: its name and span kind (an operation name can be both a
// server and a client span). NUL cannot occur in either (lib/jaeger cleans it out of names).

export const operationKey = (operation: string, spanKind: string): string => `${operation}\u0000${spanKind}`
