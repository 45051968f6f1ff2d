import { Skeleton } from '@/components/ui/skeleton'

/** Shown while a lazy route's code loads. */
export function PageFallback() {
  return (
    <div aria-busy="true" aria-label="Loading page" className="flex flex-col gap-3">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-64 w-full" />
    </div>
  )
}
