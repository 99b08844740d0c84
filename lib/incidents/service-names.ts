// Services as other tools name them ("API Service" in PagerDuty, "Checkout" in a spreadsheet) matched
// to the inventory's names, so their incidents count for the right service's go-live.

/** "API Service", "api_service" and "api-service" all become "api-service". */
const slugOf = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')

export type ServiceNameIndex = { byLowerCase: ReadonlyMap<string, string>; bySlug: ReadonlyMap<string, string> }

export function indexServiceNames(inventory: readonly string[]): ServiceNameIndex {
  const byLowerCase = new Map<string, string>()
  const bySlug = new Map<string, string>()
  // Sorted, so that when two inventory names collide the same one wins every time.
  for (const name of inventory.toSorted()) {
    if (!byLowerCase.has(name.toLowerCase())) byLowerCase.set(name.toLowerCase(), name)
    if (!bySlug.has(slugOf(name))) bySlug.set(slugOf(name), name)
  }
  return { byLowerCase, bySlug }
}

/**
 * Each given name as the inventory spells it: the same name ignoring case, else the same once spaces
 * and underscores count as hyphens. A name matching nothing is kept as given (the incident is not
 * dropped) and listed in `unmatched`, so the page can say which services it could not place.
 */
export function matchServiceNames(given: readonly string[], index: ServiceNameIndex): { services: string[]; unmatched: string[] } {
  const services: string[] = []
  const unmatched: string[] = []
  for (const name of given) {
    const matched = index.byLowerCase.get(name.trim().toLowerCase()) ?? index.bySlug.get(slugOf(name))
    const kept = matched ?? name.trim()
    if (!services.includes(kept)) services.push(kept)
    if (!matched && !unmatched.includes(kept)) unmatched.push(kept)
  }
  return { services, unmatched }
}
