// Notification channels as stored. Reads for pages and the API never select the secret; only the
// dispatcher's read does. Every write is audited in its transaction (the secret never enters the audit).
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, Prisma } from '@/lib/db/client'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'
import {
  channelInput,
  channelSettings,
  SECRET_REQUIRED,
  secretHint,
  type ChannelDefinition,
  type ChannelInput,
  type ChannelView,
  type DispatchChannel,
} from './schemas'

type ChannelRow = Prisma.NotificationChannelGetPayload<object>

const settingsOf = (row: Pick<ChannelRow, 'settings'>) => channelSettings.catch(channelSettings.parse({})).parse(row.settings)

const toView = (row: ChannelRow): ChannelView => ({
  id: row.id,
  name: row.name,
  type: row.type,
  url: row.type === 'slack' ? null : row.url,
  enabled: row.enabled,
  settings: settingsOf(row),
  secret: {
    set: row.secret !== null,
    hint: row.type === 'slack' ? (row.secret ? 'hooks.slack.com/services/…' : null) : secretHint(row.secret),
  },
  createdAt: row.createdAt.getTime(),
  updatedAt: row.updatedAt.getTime(),
})

export async function listChannels(): Promise<ChannelView[]> {
  return (await db.notificationChannel.findMany({ orderBy: { name: 'asc' } })).map(toView)
}

export async function getChannel(id: string): Promise<ChannelView> {
  const row = await db.notificationChannel.findUnique({ where: { id } })
  if (!row) throw new NotFoundError(`no notification channel ${id}`)
  return toView(row)
}

/** Channels with their secrets, for sending. Server-only: never hand these to a page. */
export async function listDispatchChannels(ids?: readonly string[]): Promise<DispatchChannel[]> {
  const rows = await db.notificationChannel.findMany({ where: ids ? { id: { in: [...ids] } } : {} })
  return rows.map((row) => ({ ...toView(row), secret: row.secret }))
}

const settingsJson = (channel: ChannelDefinition) =>
  channelSettings.parse({
    groupBy: channel.groupBy,
    groupWait: channel.groupWait,
    groupInterval: channel.groupInterval,
    repeatInterval: channel.repeatInterval,
    sendResolved: channel.sendResolved,
  })

/** Creates a channel, or replaces channel `id`; an empty secret on an edit keeps the stored one. */
/** Who saved: a signed-in user (`by`), or an API token (then `by` is null), named in the audit entry. */
type Actor = { by: string | null; token?: { name: string; prefix: string } | null }
const tokenDetails = (token: Actor['token']) => (token ? { token: `${token.name} (${token.prefix}…)` } : {})

export async function saveChannel(input: ChannelInput, { id, by, token = null }: Actor & { id?: string }): Promise<ChannelView> {
  const channel = channelInput.parse(input)
  const newSecret = channel.secret ? channel.secret : null
  return db.$transaction(async (tx) => {
    const existing = id ? await tx.notificationChannel.findUnique({ where: { id } }) : null
    if (id && !existing) throw new NotFoundError(`no notification channel ${id}`)
    const clash = await tx.notificationChannel.findFirst({
      where: { name: channel.name, ...(id ? { NOT: { id } } : {}) },
      select: { id: true },
    })
    if (clash) {
      const message = `a channel named ${channel.name} already exists`
      throw new ConflictError(message, [{ path: 'name', message }])
    }
    const typeChanged = existing !== null && existing.type !== channel.type
    const secret = newSecret ?? (typeChanged ? null : (existing?.secret ?? null))
    if (SECRET_REQUIRED[channel.type] && secret === null)
      throw new InvalidInputError([{ path: 'secret', message: secretMissing[channel.type] }])
    const data = {
      name: channel.name,
      type: channel.type,
      url: channel.url ?? null,
      secret,
      enabled: channel.enabled,
      settings: settingsJson(channel) as Prisma.InputJsonValue,
      updatedById: by,
    }
    const saved = existing
      ? await tx.notificationChannel.update({ where: { id: existing.id }, data })
      : await tx.notificationChannel.create({ data: { ...data, createdById: by } })
    await saveAuditEntry(tx, by, {
      action: existing ? 'alerts.channel.update' : 'alerts.channel.create',
      subjectType: 'notification_channel',
      subjectId: saved.id,
      details: { name: saved.name, type: saved.type, ...(newSecret ? { secret: 'changed' } : {}), ...tokenDetails(token) },
    })
    return toView(saved)
  })
}

const secretMissing: Record<ChannelDefinition['type'], string> = {
  alertmanager: '',
  slack: 'required: the Slack incoming-webhook URL',
  pagerduty: 'required: the integration (routing) key',
  webhook: 'required: a signing secret',
}

export async function deleteChannel(id: string, { by, token = null }: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.notificationChannel.findUnique({ where: { id }, select: { id: true, name: true } })
    if (!row) throw new NotFoundError(`no notification channel ${id}`)
    await tx.notificationChannel.delete({ where: { id } })
    await saveAuditEntry(tx, by, {
      action: 'alerts.channel.delete',
      subjectType: 'notification_channel',
      subjectId: id,
      details: { name: row.name, ...tokenDetails(token) },
    })
  })
}
