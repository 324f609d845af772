"use client";

import { FormDialog } from "@/components/form-dialog";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { createTenantAction } from "./actions";

type Strings = Record<"newTenant" | "newTenantDescription" | "name" | "slug" | "plan" | "timezone" | "create" | "cancel", string> & {
  errors: Record<string, string>;
};

export function CreateTenantForm({ strings, plans }: { strings: Strings; plans: { code: string; name: string }[] }) {
  return (
    <FormDialog
      trigger={<Button>{strings.newTenant}</Button>}
      title={strings.newTenant}
      description={strings.newTenantDescription}
      action={createTenantAction}
      submitLabel={strings.create}
      cancelLabel={strings.cancel}
      errors={strings.errors}
    >
      {(fieldErrors) => (
        <>
          <FormField id="tenant-name" label={strings.name} errors={fieldErrors.name}>
            <Input id="tenant-name" name="name" required minLength={2} />
          </FormField>
          <FormField id="tenant-slug" label={strings.slug} errors={fieldErrors.slug}>
            <Input id="tenant-slug" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="minha-loja" />
          </FormField>
          <FormField id="tenant-plan" label={strings.plan} errors={fieldErrors.planCode}>
            <NativeSelect id="tenant-plan" name="planCode" defaultValue="starter">
              {plans.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="tenant-timezone" label={strings.timezone} errors={fieldErrors.timezone}>
            <Input id="tenant-timezone" name="timezone" defaultValue="America/Sao_Paulo" />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
