"use client";

import { History, Upload } from "lucide-react";
import { useActionState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/guards";
import { importHistoryAction, uploadExportAction } from "./actions";

type Strings = Record<
  | "importHistory"
  | "importQueued"
  | "uploadExport"
  | "uploadDescription"
  | "ownerName"
  | "file"
  | "upload"
  | "cancel"
  | "uploadDone",
  string
> & { errors: Record<string, string> };

/** Starts a background import of the instance's history from Evolution. */
export function ImportHistoryButton({
  tenant,
  connectionId,
  strings,
  disabled,
}: {
  tenant: string;
  connectionId: string;
  strings: Strings;
  disabled: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(importHistoryAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="connectionId" value={connectionId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending || disabled}>
        <History className="size-4" aria-hidden /> {strings.importHistory}
      </Button>
      {state.ok ? (
        <span className="text-xs text-muted-foreground" role="status">
          {strings.importQueued}
        </span>
      ) : null}
      {state.error ? (
        <span className="text-xs text-destructive" role="alert">
          {strings.errors[state.error] ?? state.error}
        </span>
      ) : null}
    </form>
  );
}

/** Uploads a WhatsApp "Export chat" .txt into this connection. */
export function UploadExportDialog({
  tenant,
  connectionId,
  strings,
  defaultOwner,
}: {
  tenant: string;
  connectionId: string;
  strings: Strings;
  defaultOwner: string;
}) {
  const id = (f: string) => `export-${connectionId}-${f}`;
  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm">
          <Upload className="size-4" aria-hidden /> {strings.uploadExport}
        </Button>
      }
      title={strings.uploadExport}
      description={strings.uploadDescription}
      action={uploadExportAction}
      hidden={{ tenant, connectionId }}
      submitLabel={strings.upload}
      cancelLabel={strings.cancel}
      errors={strings.errors}
    >
      {(fieldErrors) => (
        <>
          <FormField id={id("owner")} label={strings.ownerName} errors={fieldErrors.ownerName}>
            <Input id={id("owner")} name="ownerName" defaultValue={defaultOwner} required />
          </FormField>
          <FormField id={id("file")} label={strings.file} errors={fieldErrors.file}>
            <Input id={id("file")} name="file" type="file" accept=".txt,text/plain" required />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
