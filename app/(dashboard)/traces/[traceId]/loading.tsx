import { TraceSkeleton } from '@/components/traces/trace-skeleton'

export default function Loading() {
  return <TraceSkeleton />
}
