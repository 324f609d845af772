"use client";

import { useActionState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/guards";
import { setTenantStatusAction } from "./actions";

type ConfirmStrings = { title: string; body: string; cancel: string; errors: Record<string, string> };

/** Suspending stops a customer's service, so it asks first; reactivating gives it back at once. */
export function TenantStatusButton({
  tenantId,
  status,
  label,
  confirm,
}: {
  tenantId: string;
  status: "active" | "suspended";
  label: string;
  confirm?: ConfirmStrings;
}) {
  const [, action, pending] = useActionState<ActionState, FormData>(setTenantStatusAction, {});
  if (status === "suspended" && confirm) {
    return (
      <FormDialog
        trigger={
          <Button type="button" size="sm" variant="destructive">
            {label}
          </Button>
        }
        title={confirm.title}
        description={confirm.body}
        action={setTenantStatusAction}
        hidden={{ tenantId, status }}
        submitLabel={label}
        submitVariant="destructive"
        cancelLabel={confirm.cancel}
        errors={confirm.errors}
      />
    );
  }
  return (
    <form action={action}>
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="status" value={status} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
