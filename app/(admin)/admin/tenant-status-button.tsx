"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/guards";
import { setTenantStatusAction } from "./actions";

export function TenantStatusButton({
  tenantId,
  status,
  label,
}: {
  tenantId: string;
  status: "active" | "suspended";
  label: string;
}) {
  const [, action, pending] = useActionState<ActionState, FormData>(setTenantStatusAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="status" value={status} />
      <Button type="submit" size="sm" variant={status === "suspended" ? "destructive" : "secondary"} disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
