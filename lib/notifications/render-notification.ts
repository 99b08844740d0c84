// A queued notification as the HTTP requests its channel's type expects, rendered when it is sent (so the
// secret is read at that moment and never stored with the notification).
import { buildAlertmanagerPayload } from '@/lib/alerts/notify/alertmanager-payload'
import type { NotificationAlert } from '@/lib/alerts/notify/describe-alert'
import type { NotificationGroup } from '@/lib/alerts/notify/notification-groups'
import { buildPagerDutyEvents } from '@/lib/alerts/notify/pagerduty-event'
import { buildSignedWebhook } from '@/lib/alerts/notify/signed-webhook'
import { buildSlackMessage } from '@/lib/alerts/notify/slack-message'
import type { DispatchChannel } from './schemas'

export type OutgoingRequest = { url: string; body: string; headers: Record<string, string> }

const JSON_HEADERS = { 'Content-Type': 'application/json', 'User-Agent': 'Spanlens' }

/** The requests to POST, in order; an Error when the channel cannot send (no secret where one is needed). */
export function renderNotification(
  channel: DispatchChannel,
  group: NotificationGroup<NotificationAlert>,
  { externalUrl, at }: { externalUrl: string; at: number },
): OutgoingRequest[] | Error {
  switch (channel.type) {
    case 'alertmanager': {
      if (!channel.url) return new Error('the channel has no receiver URL')
      const headers: Record<string, string> = { ...JSON_HEADERS, ...(channel.secret ? { Authorization: `Bearer ${channel.secret}` } : {}) }
      return [{ url: channel.url, headers, body: JSON.stringify(buildAlertmanagerPayload(group, { receiver: channel.name, externalUrl })) }]
    }
    case 'slack':
      if (!channel.secret) return new Error('the channel has no Slack webhook URL')
      return [{ url: channel.secret, headers: JSON_HEADERS, body: JSON.stringify(buildSlackMessage(group, { externalUrl })) }]
    case 'pagerduty': {
      if (!channel.secret) return new Error('the channel has no routing key')
      const url = channel.url!
      return buildPagerDutyEvents(group, { routingKey: channel.secret, externalUrl }).map((event) => ({
        url,
        headers: JSON_HEADERS,
        body: JSON.stringify(event),
      }))
    }
    case 'webhook': {
      if (!channel.url) return new Error('the channel has no URL')
      if (!channel.secret) return new Error('the channel has no signing secret')
      const signed = buildSignedWebhook(group, { externalUrl, secret: channel.secret, at })
      return [{ url: channel.url, headers: { ...JSON_HEADERS, ...signed.headers }, body: signed.body }]
    }
  }
}

/** A test notification: one firing alert that names itself as a test, so a receiver can tell. */
export function testGroup(channelName: string, at: number): NotificationGroup<NotificationAlert> {
  const labels = { alertname: 'SpanlensTestNotification', severity: 'info', channel: channelName }
  return {
    key: `{}/{channel=${JSON.stringify(channelName)}}:{alertname="SpanlensTestNotification"}`,
    labels: { alertname: labels.alertname },
    alerts: [
      {
        fingerprint: `test-${at.toString(16)}`,
        labels,
        annotations: { summary: `Test notification from Spanlens to ${channelName}: if you can read this, the channel works.` },
        state: 'firing',
        value: 0,
        activeAt: at,
        firedAt: at,
        resolvedAt: null,
        lastSentAt: null,
        keepFiringSince: null,
        condition: null,
      },
    ],
  }
}
