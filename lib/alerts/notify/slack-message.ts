// A notification group as a Slack incoming-webhook message: a fallback `text` (what notifications and
// screen readers show) and Block Kit blocks: a header, then per alert a section (title, description,
// severity, series, value against threshold, since) and buttons to the alert, its series and its
// runbook, up to MAX_DETAILED_ALERTS alerts; the rest are counted with a link to /alerts.
import { describeAlert, spanlensUrl, type AlertDescription, type NotificationAlert } from './describe-alert'
import type { NotificationGroup } from './notification-groups'
import { SLACK_LIMITS, type SlackBlock, type SlackMessage } from './slack-block-kit'
import { fitRendered, truncateText } from './truncate-text'

/** 1 header + 2 blocks per alert + 2 context blocks stays under Slack's 50 blocks. */
export const MAX_DETAILED_ALERTS = 10
/** Slack asks for fallback text of a few thousand characters at most; ours is a summary line. */
const FALLBACK_TEXT_LENGTH = 3000
const TITLE_LENGTH = 300

// Slack mrkdwn: &, < and > are control characters and must be escaped ("Escaping text" in Slack's formatting docs).
export const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** `<url|label>`, or the bare label when the URL would break the link syntax or is too long for Slack. */
function mrkdwnLink(url: string | null, label: string): string {
  if (!url || /[|<>\s]/.test(url) || url.length > SLACK_LIMITS.url) return label
  return `<${url}|${label}>`
}

/** Slack renders `<!date^…>` in each reader's time zone; the fallback is UTC. */
function slackDate(epochMs: number): string {
  const fallback = `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`
  return `<!date^${Math.floor(epochMs / 1000)}^{date_short_pretty} {time}|${fallback}>`
}

export type SlackMessageOptions = { externalUrl: string }

export function buildSlackMessage(group: NotificationGroup<NotificationAlert>, { externalUrl }: SlackMessageOptions): SlackMessage {
  const described = group.alerts
    .map((alert) => describeAlert(alert, externalUrl))
    .sort((a, b) => Number(a.status === 'resolved') - Number(b.status === 'resolved'))
  const firing = described.filter((alert) => alert.status === 'firing').length
  const subject = subjectOf(group, described, firing)
  const detailed = described.slice(0, MAX_DETAILED_ALERTS)
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncateText(subject, SLACK_LIMITS.headerText), emoji: true } },
    ...detailed.flatMap((alert, index) => alertBlocks(alert, index)),
  ]
  const rest = described.length - detailed.length
  if (rest > 0) {
    const more = `and ${rest} more ${rest === 1 ? 'alert' : 'alerts'} in this group`
    blocks.push(contextBlock(`${escapeMrkdwn(more)}: ${mrkdwnLink(spanlensUrl(externalUrl, '/alerts'), 'see them all in Spanlens')}`))
  }
  const signature = `${mrkdwnLink(spanlensUrl(externalUrl, '/alerts'), 'Spanlens')} · group `
  blocks.push(contextBlock(signature + fitRendered(group.key, SLACK_LIMITS.sectionText - signature.length, escapeMrkdwn)))
  return { text: fallbackText(subject, described), blocks }
}

/** Alertmanager's default title: `[FIRING:2] <group label values>`, or `[RESOLVED] …`; one alert adds its series. */
function subjectOf(group: NotificationGroup, described: AlertDescription[], firing: number): string {
  const status = firing > 0 ? `🔥 [FIRING:${firing}]` : '✅ [RESOLVED]'
  const name = Object.values(group.labels).join(' ') || described[0]?.alertname || 'alerts'
  const only = described.length === 1 ? described[0]! : null
  const series = only ? [only.service, only.operation].filter(Boolean).join(' ') : ''
  return `${status} ${name}${series ? ` — ${series}` : ''}`
}

function alertBlocks(alert: AlertDescription, index: number): SlackBlock[] {
  const icon = alert.status === 'firing' ? '🔥' : '✅'
  const title = `${icon} *${mrkdwnLink(alert.links.alert, fitRendered(alert.title, TITLE_LENGTH, escapeMrkdwn))}*`
  const room = SLACK_LIMITS.sectionText - title.length - 1
  const text = alert.description ? `${title}\n${fitRendered(alert.description, room, escapeMrkdwn)}` : title
  const fields = [
    field('Severity', alert.severity),
    field('Service', alert.service, alert.links.service),
    field('Operation', alert.operation),
    field('Value', alert.threshold ? `${alert.value} (threshold ${alert.threshold})` : alert.value),
    { type: 'mrkdwn' as const, text: `*Firing since*\n${slackDate(alert.since)}` },
    ...(alert.resolvedAt === null ? [] : [{ type: 'mrkdwn' as const, text: `*Resolved*\n${slackDate(alert.resolvedAt)}` }]),
  ].filter((entry) => entry !== null)
  const links: [string, string | null][] = [
    ['Open alert', alert.links.alert],
    ['Service page', alert.links.service],
    ['Runbook', alert.links.runbook],
  ]
  const buttons = links
    .filter((link): link is [string, string] => link[1] !== null && link[1].length <= SLACK_LIMITS.url)
    .map(([label, url], position) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: label },
      url,
      action_id: `alert-${index}-link-${position}`,
    }))
  const section: SlackBlock = { type: 'section', text: { type: 'mrkdwn', text }, fields }
  return buttons.length ? [section, { type: 'actions', elements: buttons }] : [section]
}

/** `*Name*\nvalue`, the value escaped and cut to fit a field (a long operation name), linked when the link fits too. */
function field(name: string, value: string | null, url: string | null = null) {
  if (value === null) return null
  const head = `*${name}*\n`
  const label = fitRendered(value, SLACK_LIMITS.fieldText - head.length, escapeMrkdwn)
  const linked = mrkdwnLink(url, label)
  return { type: 'mrkdwn' as const, text: head + (head.length + linked.length <= SLACK_LIMITS.fieldText ? linked : label) }
}

const contextBlock = (text: string): SlackBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] })

/** The subject, then each alert's title and value, as plain mrkdwn-escaped text. */
function fallbackText(subject: string, described: AlertDescription[]): string {
  const lines = described.map((alert) => `${alert.title}: ${alert.value}${alert.threshold ? ` (threshold ${alert.threshold})` : ''}`)
  return fitRendered([subject, ...lines].join('\n'), FALLBACK_TEXT_LENGTH, escapeMrkdwn)
}
