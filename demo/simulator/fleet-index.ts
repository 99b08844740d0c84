// Lookups into FLEET (fleet.ts): a service's index, by which the simulator keys its per-service state
// (resources, instrumentation, deployments), and the service at an index.
import { FLEET, type FleetService } from './fleet'

const byName = new Map(FLEET.map((service, index) => [service.name, index]))

/** Index of a service in FLEET; throws on a name the fleet does not have. */
export function fleetIndex(name: string): number {
  const index = byName.get(name)
  if (index === undefined) throw new Error(`unknown fleet service ${name}`)
  return index
}

export function fleetService(index: number): FleetService {
  const service = FLEET[index]
  if (!service) throw new Error(`no fleet service at index ${index}`)
  return service
}
