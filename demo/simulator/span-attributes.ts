// OpenTelemetry semantic-convention attributes for each kind of simulated span
// (https://opentelemetry.io/docs/specs/semconv/: http, database, messaging, error).
import type { FleetService } from './fleet'
import type { DbStep } from './handler'
import type { Attribute } from './simulated-trace'

// Attributes are immutable and most take a handful of values (methods, routes, hosts, status
// codes), so those are interned: the minute cache then holds one object per distinct attribute
// instead of one per span. High-cardinality values (paths, URLs, offsets, keys) are not interned.
const interned = new Map<string, Map<Attribute['value'], Attribute>>()
function shared(attribute: Attribute): Attribute {
  let byValue = interned.get(attribute.key)
  if (!byValue) interned.set(attribute.key, (byValue = new Map()))
  const existing = byValue.get(attribute.value)
  if (existing && existing.type === attribute.type) return existing
  byValue.set(attribute.value, attribute)
  return attribute
}
const str = (key: string, value: string): Attribute => shared({ key, type: 'string', value })
const int = (key: string, value: number): Attribute => shared({ key, type: 'int', value })
const unique = (key: string, value: string | number): Attribute =>
  typeof value === 'string' ? { key, type: 'string', value } : { key, type: 'int', value }

export type HttpExchange = { method: string; route: string; path: string; statusCode: number }

/** `error.type` for HTTP: the status code when it counts as an error for this side of the call. */
function httpErrorType(statusCode: number, errorFrom: number): Attribute[] {
  return statusCode >= errorFrom ? [str('error.type', String(statusCode))] : []
}

export function httpServerAttributes(service: FleetService, exchange: HttpExchange, isEdge: boolean): Attribute[] {
  if (service.legacyHttpSemconv) {
    return [
      str('http.method', exchange.method),
      str('http.route', exchange.route),
      unique('http.target', exchange.path),
      str('http.scheme', 'http'),
      int('http.status_code', exchange.statusCode),
      str('net.host.name', service.name),
    ]
  }
  const attributes: Attribute[] = [str('http.request.method', exchange.method)]
  if (!service.omitsHttpRoute) attributes.push(str('http.route', exchange.route))
  attributes.push(
    unique('url.path', exchange.path),
    str('url.scheme', isEdge ? 'https' : 'http'),
    str('server.address', isEdge ? 'api.finova.example' : service.name),
    int('server.port', isEdge ? 443 : 8080),
    str('network.protocol.version', isEdge ? '2' : '1.1'),
    int('http.response.status_code', exchange.statusCode),
  )
  if (isEdge) attributes.push(str('user_agent.original', 'Finova/6.4.1 (iPhone; iOS 18.1)'))
  return [...attributes, ...httpErrorType(exchange.statusCode, 500)]
}

/** A client call; `statusCode` undefined: no response arrived (timeout), `errorType` says why. */
export function httpClientAttributes(
  target: { host: string; port: number; scheme: 'http' | 'https' },
  exchange: Omit<HttpExchange, 'statusCode'> & { statusCode?: number; errorType?: string },
): Attribute[] {
  const port = target.port === 443 ? '' : `:${target.port}`
  const attributes = [
    str('http.request.method', exchange.method),
    unique('url.full', `${target.scheme}://${target.host}${port}${exchange.path}`),
    str('url.template', exchange.route),
    str('server.address', target.host),
    int('server.port', target.port),
    str('network.protocol.version', '1.1'),
  ]
  if (exchange.statusCode !== undefined)
    attributes.push(int('http.response.status_code', exchange.statusCode), ...httpErrorType(exchange.statusCode, 400))
  else if (exchange.errorType) attributes.push(str('error.type', exchange.errorType))
  return attributes
}

const DB_SERVERS: Record<DbStep['system'], { host: (namespace: string) => string; port: number }> = {
  postgresql: { host: (namespace) => `${namespace}-db.finova.internal`, port: 5432 },
  redis: { host: () => 'redis-cache.finova.internal', port: 6379 },
  clickhouse: { host: () => 'clickhouse.finova.internal', port: 8123 },
}

export function dbSpanName(step: DbStep): string {
  return step.collection ? `${step.operation} ${step.collection}` : step.operation
}

const dbAttributesByStep = new WeakMap<DbStep, readonly Attribute[]>()

/** The same for every call of a step, so one shared, read-only list per step. */
export function dbAttributes(step: DbStep): readonly Attribute[] {
  const cached = dbAttributesByStep.get(step)
  if (cached) return cached
  const server = DB_SERVERS[step.system]
  const attributes = [str('db.system.name', step.system), str('db.namespace', step.namespace), str('db.operation.name', step.operation)]
  if (step.collection) attributes.push(str('db.collection.name', step.collection))
  attributes.push(str('db.query.text', step.queryText), str('server.address', server.host(step.namespace)), int('server.port', server.port))
  dbAttributesByStep.set(step, attributes)
  return attributes
}

export type MessageDelivery = { topic: string; key: string; partition: number; offset: number; bodySize: number }

export function producerAttributes(delivery: MessageDelivery): Attribute[] {
  return [
    str('messaging.system', 'kafka'),
    str('messaging.operation.type', 'send'),
    str('messaging.operation.name', 'send'),
    str('messaging.destination.name', delivery.topic),
    unique('messaging.kafka.message.key', delivery.key),
    unique('messaging.message.body.size', delivery.bodySize),
    str('server.address', 'kafka-1.finova.internal'),
    int('server.port', 9092),
  ]
}

export function consumerAttributes(delivery: MessageDelivery, consumerGroup: string): Attribute[] {
  return [
    str('messaging.system', 'kafka'),
    str('messaging.operation.type', 'process'),
    str('messaging.operation.name', 'process'),
    str('messaging.destination.name', delivery.topic),
    str('messaging.consumer.group.name', consumerGroup),
    str('messaging.destination.partition.id', String(delivery.partition)),
    unique('messaging.kafka.offset', delivery.offset),
    unique('messaging.kafka.message.key', delivery.key),
  ]
}

/** Attributes of the internal spans some services emit around their own work. */
export function internalAttributes(name: string, draw: () => number): Attribute[] {
  if (name === 'evaluate rules') {
    return [
      int('fraud.rules.evaluated', 40 + Math.floor(draw() * 25)),
      shared({ key: 'fraud.score', type: 'double', value: Math.round(draw() * 1000) / 1000 }),
      str('fraud.decision', draw() < 0.97 ? 'approve' : 'review'),
    ]
  }
  if (name === 'match watchlists') {
    return [int('sanctions.lists', 7), shared({ key: 'sanctions.hit', type: 'bool', value: draw() < 0.002 })]
  }
  return [
    str(
      'code.function.name',
      name.replace(/ (\w)/g, (_, letter: string) => letter.toUpperCase()),
    ),
  ]
}
