// Resource attributes of every service instance and the instrumentation scope each language's
// OpenTelemetry libraries report, built once (per version an instance runs) and shared by all spans.
import { FLEET, type FleetService, type Language } from './fleet'
import { hash32 } from './random'
import type { Attribute, Resource, Scope } from './simulated-trace'

export type Instrumentation = 'httpServer' | 'httpClient' | 'postgresql' | 'redis' | 'clickhouse' | 'kafka'

const SCOPES: Record<Language, Record<Instrumentation, Scope>> = {
  go: {
    httpServer: { name: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', version: '0.58.0' },
    httpClient: { name: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', version: '0.58.0' },
    postgresql: { name: 'github.com/XSAM/otelsql', version: '0.36.0' },
    redis: { name: 'github.com/redis/go-redis/extra/redisotel', version: '9.7.0' },
    clickhouse: { name: 'github.com/XSAM/otelsql', version: '0.36.0' },
    kafka: { name: 'github.com/IBM/sarama/otelsarama', version: '0.43.0' },
  },
  java: {
    httpServer: { name: 'io.opentelemetry.spring-webmvc-6.0', version: '2.10.0-alpha' },
    httpClient: { name: 'io.opentelemetry.java-http-client', version: '2.10.0-alpha' },
    postgresql: { name: 'io.opentelemetry.jdbc', version: '2.10.0-alpha' },
    redis: { name: 'io.opentelemetry.lettuce-5.1', version: '2.10.0-alpha' },
    clickhouse: { name: 'io.opentelemetry.jdbc', version: '2.10.0-alpha' },
    kafka: { name: 'io.opentelemetry.kafka-clients-2.6', version: '2.10.0-alpha' },
  },
  nodejs: {
    httpServer: { name: '@opentelemetry/instrumentation-http', version: '0.56.0' },
    httpClient: { name: '@opentelemetry/instrumentation-undici', version: '0.9.0' },
    postgresql: { name: '@opentelemetry/instrumentation-pg', version: '0.49.0' },
    redis: { name: '@opentelemetry/instrumentation-ioredis', version: '0.46.0' },
    clickhouse: { name: '@opentelemetry/instrumentation-http', version: '0.56.0' },
    kafka: { name: '@opentelemetry/instrumentation-kafkajs', version: '0.6.0' },
  },
  python: {
    httpServer: { name: 'opentelemetry.instrumentation.fastapi', version: '0.49b2' },
    httpClient: { name: 'opentelemetry.instrumentation.httpx', version: '0.49b2' },
    postgresql: { name: 'opentelemetry.instrumentation.psycopg', version: '0.49b2' },
    redis: { name: 'opentelemetry.instrumentation.redis', version: '0.49b2' },
    clickhouse: { name: 'opentelemetry.instrumentation.sqlalchemy', version: '0.49b2' },
    kafka: { name: 'opentelemetry.instrumentation.confluent_kafka', version: '0.49b2' },
  },
}

const SDK_VERSIONS: Record<Language, string> = { go: '1.33.0', java: '1.45.0', nodejs: '1.29.0', python: '1.28.2' }

export function instrumentationScope(language: Language, instrumentation: Instrumentation): Scope {
  return SCOPES[language][instrumentation]
}

/** The service's own tracer, used for internal spans and batch-job roots; keeps the fleet's version through deployments. */
export function applicationScope(service: FleetService): Scope {
  return { name: `finova/${service.name}`, version: service.version ?? '0.0.0' }
}

function buildResource(service: FleetService, serviceIndex: number, instance: number, version = service.version): Resource {
  const podSuffix = hash32(serviceIndex, instance, 0x90d).toString(36).slice(0, 5).padEnd(5, '0')
  const hostName = `${service.name}-${podSuffix}-${instance}`
  const attributes: Attribute[] = [{ key: 'service.name', type: 'string', value: service.name }]
  if (version !== null) attributes.push({ key: 'service.version', type: 'string', value: version })
  attributes.push(
    { key: 'service.namespace', type: 'string', value: 'finova' },
    { key: 'service.instance.id', type: 'string', value: `${hostName}-${hash32(serviceIndex, instance).toString(16)}` },
    { key: 'deployment.environment.name', type: 'string', value: 'production' },
    { key: 'cloud.region', type: 'string', value: 'eu-west-1' },
    { key: 'host.name', type: 'string', value: hostName },
    { key: 'telemetry.sdk.name', type: 'string', value: 'opentelemetry' },
    { key: 'telemetry.sdk.language', type: 'string', value: service.language },
    { key: 'telemetry.sdk.version', type: 'string', value: SDK_VERSIONS[service.language] },
    { key: 'sampler.type', type: 'string', value: service.sampler.type },
    { key: 'sampler.param', type: 'double', value: service.sampler.param },
  )
  return { serviceIndex, instance, serviceName: service.name, hostName, attributes }
}

/** RESOURCES[serviceIndex][instance]. */
export const RESOURCES: readonly (readonly Resource[])[] = FLEET.map((service, serviceIndex) =>
  Array.from({ length: service.instances }, (_, instance) => buildResource(service, serviceIndex, instance)),
)

/** Other versions than the fleet's, by service and instance: a deployment's releases. */
const OTHER_VERSIONS = FLEET.map((service) => Array.from({ length: service.instances }, () => new Map<string, Resource>()))

/** The resource of an instance running `version`: the same object for every span, as RESOURCES'. */
export function resourceOf(serviceIndex: number, instance: number, version: string | null): Resource {
  const service = FLEET[serviceIndex]!
  if (version === service.version) return RESOURCES[serviceIndex]![instance]!
  const byVersion = OTHER_VERSIONS[serviceIndex]![instance]!
  let resource = byVersion.get(version ?? '')
  if (!resource) byVersion.set(version ?? '', (resource = buildResource(service, serviceIndex, instance, version)))
  return resource
}
