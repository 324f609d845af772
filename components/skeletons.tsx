import { Skeleton } from "@/components/ui/skeleton";

/** Announced to screen readers; the shapes match what replaces them, so nothing jumps when data arrives. */
function Loading({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-label={label} className="grid gap-4" data-testid={testId}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

export function DashboardSkeleton({ label }: { label: string }) {
  return (
    <Loading label={label} testId="dashboard-skeleton">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 9 }, (_, i) => (
          <Skeleton key={i} className="h-28 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-72 rounded-xl" />
      <div className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-64 rounded-xl" />
        ))}
      </div>
    </Loading>
  );
}

export function TableSkeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <Loading label={label} testId="table-skeleton">
      <div className="grid gap-2 rounded-xl border bg-card p-4">
        <Skeleton className="h-6 w-full" />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    </Loading>
  );
}
