"use client";

import { FormDialog } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "./actions";

export function RevokeApiKeyButton({
  tenant,
  apiKeyId,
  strings,
}: {
  tenant: string;
  apiKeyId: string;
  strings: { revoke: string; title: string; body: string; cancel: string; errors: Record<string, string> };
}) {
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive">
          {strings.revoke}
        </Button>
      }
      title={strings.title}
      description={strings.body}
      action={revokeApiKeyAction}
      hidden={{ tenant, apiKeyId }}
      submitLabel={strings.revoke}
      submitVariant="destructive"
      cancelLabel={strings.cancel}
      errors={strings.errors}
    />
  );
}
