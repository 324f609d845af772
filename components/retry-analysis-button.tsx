"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/guards";

/** One failed message back into the queue; the page re-renders without it once the action revalidates. */
export function RetryAnalysisButton({
  action,
  hidden,
  label,
  errors = {},
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  label: string;
  /** The action's error codes in the page's language; a code without one is shown as it is. */
  errors?: Record<string, string>;
}) {
  const [state, run, pending] = useActionState<ActionState, FormData>(action, {});
  return (
    <form action={run}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {label}
      </Button>
      {state.error ? <p className="mt-1 text-xs text-destructive">{errors[state.error] ?? state.error}</p> : null}
    </form>
  );
}
