"use client";

import { useActionState } from "react";
import { FormField } from "@/components/form-field";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/guards";
import { CopyButton } from "../connections/copy-button";
import { createApiKeyAction } from "./actions";

type Strings = Record<"name" | "create" | "revealTitle" | "revealBody" | "copy" | "copied", string> & {
  errors: Record<string, string>;
};

export function CreateApiKeyForm({ tenant, strings }: { tenant: string; strings: Strings }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createApiKeyAction, {});
  return (
    <div className="grid gap-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="tenant" value={tenant} />
        <div className="min-w-64 flex-1">
          <FormField id="api-key-name" label={strings.name} errors={state.fieldErrors?.name}>
            <Input id="api-key-name" name="name" required minLength={2} maxLength={60} placeholder="n8n, BI…" />
          </FormField>
        </div>
        <Button type="submit" disabled={pending}>
          {strings.create}
        </Button>
      </form>
      {state.error && !state.fieldErrors ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{strings.errors[state.error] ?? state.error}</AlertDescription>
        </Alert>
      ) : null}
      {state.reveal ? (
        <Alert role="status">
          <AlertTitle>{strings.revealTitle}</AlertTitle>
          <AlertDescription>
            <span>{strings.revealBody}</span>
            <span className="flex flex-wrap items-center gap-2">
              <code className="rounded bg-muted px-2 py-1 text-xs break-all" data-testid="new-api-key">
                {state.reveal}
              </code>
              <CopyButton value={state.reveal} label={strings.copy} copiedLabel={strings.copied} />
            </span>
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
