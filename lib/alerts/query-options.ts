// TanStack Query options for the alert pages (browser-safe: only the response schemas).
import { queryOptions } from '@tanstack/react-query'
import { ruleBacktestSchema, type AlertRuleInput, type BacktestRange } from './schemas'

export const backtestQuery = (rule: AlertRuleInput | null, range: BacktestRange) =>
  queryOptions({
    queryKey: ['alerts', 'backtest', range, rule ? JSON.stringify(rule) : null] as const,
    enabled: rule !== null,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const response = await fetch('/api/v1/rules/backtest', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ rule, range }),
        signal,
      })
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { issues?: { path: string; message: string }[] } | null
        throw new Error(
          body?.issues?.map((issue) => `${issue.path}: ${issue.message}`).join('; ') || `the backtest failed (${response.status})`,
        )
      }
      return ruleBacktestSchema.parse(await response.json())
    },
  })
