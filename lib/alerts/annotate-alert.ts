// A rule's annotations rendered for one of its series (the evaluator's `annotate`).
import type { Annotate } from './alert-evaluator'
import { renderAnnotations } from './rule-templates'

export const annotateAlert: Annotate = (rule, series) =>
  renderAnnotations(rule.annotations, { labels: series.labels, value: series.value, threshold: series.threshold, rule })
