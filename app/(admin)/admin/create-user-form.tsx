"use client";

import { FormDialog } from "@/components/form-dialog";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { createUserAction } from "./actions";

type Strings = Record<
  "newUser" | "description" | "name" | "email" | "role" | "roleAdmin" | "roleViewer" | "password" | "create" | "cancel",
  string
> & {
  errors: Record<string, string>;
};

export function CreateUserForm({ tenantId, strings }: { tenantId: string; strings: Strings }) {
  const id = (field: string) => `user-${tenantId}-${field}`;
  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm">
          {strings.newUser}
        </Button>
      }
      title={strings.newUser}
      description={strings.description}
      action={createUserAction}
      hidden={{ tenantId }}
      submitLabel={strings.create}
      cancelLabel={strings.cancel}
      errors={strings.errors}
    >
      {(fieldErrors) => (
        <>
          <FormField id={id("name")} label={strings.name} errors={fieldErrors.name}>
            <Input id={id("name")} name="name" required minLength={2} />
          </FormField>
          <FormField id={id("email")} label={strings.email} errors={fieldErrors.email}>
            <Input id={id("email")} name="email" type="email" required />
          </FormField>
          <FormField id={id("role")} label={strings.role} errors={fieldErrors.role}>
            <NativeSelect id={id("role")} name="role" defaultValue="viewer">
              <option value="admin">{strings.roleAdmin}</option>
              <option value="viewer">{strings.roleViewer}</option>
            </NativeSelect>
          </FormField>
          <FormField id={id("password")} label={strings.password} errors={fieldErrors.password}>
            <Input
              id={id("password")}
              name="password"
              type="password"
              required
              minLength={10}
              autoComplete="new-password"
            />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
