"use client";

import { FormDialog } from "@/components/form-dialog";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { useT } from "@/lib/i18n/client";
import { adminStrings } from "@/lib/i18n/dictionaries/admin";
import { DEFAULT_TIMEZONE } from "@/lib/tenancy/timezones";
import { createTenantAction } from "./actions";

type Strings = Record<
  "newTenant" | "newTenantDescription" | "name" | "slug" | "plan" | "timezone" | "create" | "cancel",
  string
> & {
  errors: Record<string, string>;
};

// The zone list comes from the server: a browser's own list can differ from Node's, and the page must hydrate as rendered.
export function CreateTenantForm({
  strings,
  plans,
  timezones,
}: {
  strings: Strings;
  plans: { code: string; name: string }[];
  timezones: readonly string[];
}) {
  const t = useT(adminStrings);
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
            <Input
              id="tenant-slug"
              name="slug"
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              placeholder={t("slugExample")}
            />
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
            <NativeSelect id="tenant-timezone" name="timezone" defaultValue={DEFAULT_TIMEZONE}>
              {timezones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
