// Instants as the summary store counts them: µs since the epoch (Jaeger's own unit). The one place a
// Date becomes µs and back; a Date's millisecond precision loses nothing Postgres keeps (timestamptz(3)).

export const toMicros = (date: Date): number => date.getTime() * 1000
export const fromMicros = (us: number): Date => new Date(us / 1000)
