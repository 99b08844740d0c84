import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { Role } from '@/lib/auth/schemas'

const TONE: Record<Role, BadgeTone> = { engineer: 'neutral', manager: 'accent', admin: 'warn' }

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={TONE[role]}>{role}</Badge>
}
