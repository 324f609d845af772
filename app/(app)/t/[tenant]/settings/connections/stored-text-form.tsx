"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionState } from "@/lib/auth/guards";
import { setStoredTextAction } from "./actions";

export function StoredTextForm({
  tenant,
  value,
  strings,
}: {
  tenant: string;
  value: "raw" | "redacted";
  strings: { label: string; raw: string; redacted: string; save: string; saved: string };
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setStoredTextAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="tenant" value={tenant} />
      <label className="grid gap-2 text-sm font-medium" htmlFor="stored-text">
        {strings.label}
        <NativeSelect id="stored-text" name="storedText" defaultValue={value} className="w-auto min-w-72">
          <option value="raw">{strings.raw}</option>
          <option value="redacted">{strings.redacted}</option>
        </NativeSelect>
      </label>
      <Button type="submit" variant="outline" disabled={pending}>
        {strings.save}
      </Button>
      {state.ok ? (
        <span className="text-sm text-muted-foreground" role="status">
          {strings.saved}
        </span>
      ) : null}
    </form>
  );
}
