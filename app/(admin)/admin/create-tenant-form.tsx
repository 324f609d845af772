"use client";

import { useActionState, useEffect, useState } from "react";
import { FormField } from "@/components/form-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/guards";
import { createTenantAction } from "./actions";

type Strings = Record<
  "newTenant" | "newTenantDescription" | "name" | "slug" | "plan" | "timezone" | "create" | "cancel" | "tenantCreated",
  string
> & { errors: Record<string, string> };

export function CreateTenantForm({ strings, plans }: { strings: Strings; plans: { code: string; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(createTenantAction, {});
  useEffect(() => {
    if (state.ok) setOpen(false);
  }, [state]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>{strings.newTenant}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{strings.newTenant}</DialogTitle>
          <DialogDescription>{strings.newTenantDescription}</DialogDescription>
        </DialogHeader>
        <form action={action} className="grid gap-4">
          {state.error ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{strings.errors[state.error] ?? state.error}</AlertDescription>
            </Alert>
          ) : null}
          <FormField id="tenant-name" label={strings.name} errors={state.fieldErrors?.name}>
            <Input id="tenant-name" name="name" required minLength={2} />
          </FormField>
          <FormField id="tenant-slug" label={strings.slug} errors={state.fieldErrors?.slug}>
            <Input id="tenant-slug" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="minha-loja" />
          </FormField>
          <FormField id="tenant-plan" label={strings.plan} errors={state.fieldErrors?.planCode}>
            <select
              id="tenant-plan"
              name="planCode"
              className="h-9 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              defaultValue="starter"
            >
              {plans.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="tenant-timezone" label={strings.timezone} errors={state.fieldErrors?.timezone}>
            <Input id="tenant-timezone" name="timezone" defaultValue="America/Sao_Paulo" />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {strings.cancel}
            </Button>
            <Button type="submit" disabled={pending}>
              {strings.create}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
