"use client";

import { Trash2 } from "lucide-react";
import { FormDialog } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import { deleteConnectionAction } from "./actions";

export function DeleteConnectionButton({
  tenant,
  connectionId,
  strings,
}: {
  tenant: string;
  connectionId: string;
  strings: { delete: string; title: string; body: string; cancel: string; errors: Record<string, string> };
}) {
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive">
          <Trash2 className="size-4" aria-hidden /> {strings.delete}
        </Button>
      }
      title={strings.title}
      description={strings.body}
      action={deleteConnectionAction}
      hidden={{ tenant, connectionId }}
      submitLabel={strings.delete}
      submitVariant="destructive"
      cancelLabel={strings.cancel}
      errors={strings.errors}
    />
  );
}
