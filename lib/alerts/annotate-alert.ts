// A rule's annotations rendered for one of its series (the evaluator's `annotate`); a canary alert has
// CANARY_ANNOTATIONS (a summary with the judge's reason, the deployment page) where its rule has none.
import type { Annotate } from './alert-evaluator'
import { CANARY_ANNOTATIONS } from './canary-values'
import { renderAnnotations } from './rule-templates'

export const annotateAlert: Annotate = (rule, series) =>
  renderAnnotations(series.canary ? { ...CANARY_ANNOTATIONS, ...rule.annotations } : rule.annotations, {
    labels: series.labels,
    value: series.value,
    threshold: series.threshold,
    rule,
    canary: series.canary,
  })
