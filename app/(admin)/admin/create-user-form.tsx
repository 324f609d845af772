"use client";

import { useActionState, useEffect, useState } from "react";
import { FormField } from "@/components/form-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/guards";
import { createUserAction } from "./actions";

type Strings = Record<
  "newUser" | "description" | "name" | "email" | "role" | "roleAdmin" | "roleViewer" | "password" | "create" | "cancel",
  string
> & { errors: Record<string, string> };

export function CreateUserForm({ tenantId, strings }: { tenantId: string; strings: Strings }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(createUserAction, {});
  useEffect(() => {
    if (state.ok) setOpen(false);
  }, [state]);
  const id = (field: string) => `user-${tenantId}-${field}`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          {strings.newUser}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{strings.newUser}</DialogTitle>
          <DialogDescription>{strings.description}</DialogDescription>
        </DialogHeader>
        <form action={action} className="grid gap-4">
          <input type="hidden" name="tenantId" value={tenantId} />
          {state.error ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{strings.errors[state.error] ?? state.error}</AlertDescription>
            </Alert>
          ) : null}
          <FormField id={id("name")} label={strings.name} errors={state.fieldErrors?.name}>
            <Input id={id("name")} name="name" required minLength={2} />
          </FormField>
          <FormField id={id("email")} label={strings.email} errors={state.fieldErrors?.email}>
            <Input id={id("email")} name="email" type="email" required />
          </FormField>
          <FormField id={id("role")} label={strings.role} errors={state.fieldErrors?.role}>
            <select
              id={id("role")}
              name="role"
              defaultValue="viewer"
              className="h-9 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <option value="admin">{strings.roleAdmin}</option>
              <option value="viewer">{strings.roleViewer}</option>
            </select>
          </FormField>
          <FormField id={id("password")} label={strings.password} errors={state.fieldErrors?.password}>
            <Input id={id("password")} name="password" type="password" required minLength={10} autoComplete="new-password" />
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
