"use client";

import { Pencil, Plus } from "lucide-react";
import { useActionState, useEffect, useState } from "react";
import { FormField } from "@/components/form-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/guards";
import { createConnectionAction, updateConnectionAction } from "./actions";

export type ConnectionFormStrings = Record<
  "newConnection" | "editConnection" | "formDescription" | "name" | "instanceName" | "baseUrl" | "token" | "tokenKeep" | "save" | "cancel",
  string
> & { errors: Record<string, string> };

type Existing = { id: string; name: string; instanceName: string; evolutionBaseUrl: string; tokenHint: string };

export function ConnectionForm({ tenant, strings, existing }: { tenant: string; strings: ConnectionFormStrings; existing?: Existing }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(existing ? updateConnectionAction : createConnectionAction, {});
  useEffect(() => {
    if (state.ok) setOpen(false);
  }, [state]);
  const id = (field: string) => `connection-${existing?.id ?? "new"}-${field}`;
  const title = existing ? strings.editConnection : strings.newConnection;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {existing ? (
          <Button variant="outline" size="sm" aria-label={`${strings.editConnection}: ${existing.name}`}>
            <Pencil className="size-4" aria-hidden /> {strings.editConnection}
          </Button>
        ) : (
          <Button>
            <Plus className="size-4" aria-hidden /> {strings.newConnection}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{strings.formDescription}</DialogDescription>
        </DialogHeader>
        <form action={action} className="grid gap-4">
          <input type="hidden" name="tenant" value={tenant} />
          {existing ? <input type="hidden" name="connectionId" value={existing.id} /> : null}
          {state.error ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{strings.errors[state.error] ?? state.error}</AlertDescription>
            </Alert>
          ) : null}
          <FormField id={id("name")} label={strings.name} errors={state.fieldErrors?.name}>
            <Input id={id("name")} name="name" defaultValue={existing?.name} required minLength={2} maxLength={80} />
          </FormField>
          <FormField id={id("instance")} label={strings.instanceName} errors={state.fieldErrors?.instanceName}>
            <Input id={id("instance")} name="instanceName" defaultValue={existing?.instanceName} required pattern="[A-Za-z0-9_\-]{2,64}" />
          </FormField>
          <FormField id={id("url")} label={strings.baseUrl} errors={state.fieldErrors?.evolutionBaseUrl}>
            <Input id={id("url")} name="evolutionBaseUrl" type="url" defaultValue={existing?.evolutionBaseUrl} placeholder="https://evolution.suaempresa.com.br" required />
          </FormField>
          <FormField id={id("token")} label={strings.token} errors={state.fieldErrors?.instanceToken}>
            <Input
              id={id("token")}
              name="instanceToken"
              type="password"
              autoComplete="off"
              required={!existing}
              placeholder={existing ? strings.tokenKeep.replace("{hint}", existing.tokenHint) : undefined}
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {strings.cancel}
            </Button>
            <Button type="submit" disabled={pending}>
              {strings.save}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
