import { LatencyPageSkeleton } from '@/components/latency/latency-page-skeleton'

export default function Loading() {
  return <LatencyPageSkeleton label="Loading the operation" tableRows={5} />
}
