"use client";

import { Pencil, Plus } from "lucide-react";
import { FormDialog } from "@/components/form-dialog";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { createConnectionAction, updateConnectionAction } from "./actions";

export type ConnectionFormStrings = Record<
  | "newConnection"
  | "editConnection"
  | "formDescription"
  | "name"
  | "instanceName"
  | "baseUrl"
  | "token"
  | "tokenKeep"
  | "save"
  | "cancel",
  string
> & { errors: Record<string, string> };

type Existing = { id: string; name: string; instanceName: string; evolutionBaseUrl: string; tokenHint: string };

export function ConnectionForm({
  tenant,
  strings,
  existing,
}: {
  tenant: string;
  strings: ConnectionFormStrings;
  existing?: Existing;
}) {
  const id = (field: string) => `connection-${existing?.id ?? "new"}-${field}`;
  const trigger = existing ? (
    <Button variant="outline" size="sm" aria-label={`${strings.editConnection}: ${existing.name}`}>
      <Pencil className="size-4" aria-hidden /> {strings.editConnection}
    </Button>
  ) : (
    <Button>
      <Plus className="size-4" aria-hidden /> {strings.newConnection}
    </Button>
  );
  return (
    <FormDialog
      trigger={trigger}
      title={existing ? strings.editConnection : strings.newConnection}
      description={strings.formDescription}
      action={existing ? updateConnectionAction : createConnectionAction}
      hidden={existing ? { tenant, connectionId: existing.id } : { tenant }}
      submitLabel={strings.save}
      cancelLabel={strings.cancel}
      errors={strings.errors}
    >
      {(fieldErrors) => (
        <>
          <FormField id={id("name")} label={strings.name} errors={fieldErrors.name}>
            <Input id={id("name")} name="name" defaultValue={existing?.name} required minLength={2} maxLength={80} />
          </FormField>
          <FormField id={id("instance")} label={strings.instanceName} errors={fieldErrors.instanceName}>
            <Input
              id={id("instance")}
              name="instanceName"
              defaultValue={existing?.instanceName}
              required
              pattern="[A-Za-z0-9_\-]{2,64}"
            />
          </FormField>
          <FormField id={id("url")} label={strings.baseUrl} errors={fieldErrors.evolutionBaseUrl}>
            <Input
              id={id("url")}
              name="evolutionBaseUrl"
              type="url"
              defaultValue={existing?.evolutionBaseUrl}
              placeholder="https://evolution.suaempresa.com.br"
              required
            />
          </FormField>
          <FormField id={id("token")} label={strings.token} errors={fieldErrors.instanceToken}>
            <Input
              id={id("token")}
              name="instanceToken"
              type="password"
              autoComplete="off"
              required={!existing}
              placeholder={existing ? strings.tokenKeep.replace("{hint}", existing.tokenHint) : undefined}
            />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
