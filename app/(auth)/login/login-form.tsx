"use client";

import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { loginAction, type LoginState } from "./actions";

type Strings = Record<
  "email" | "password" | "submit" | "submitting" | "rateLimitedMinutes" | NonNullable<LoginState["error"]>,
  string
>;

/** The wait is worth saying once a lock has grown past the minute the plain message promises. */
function errorText(strings: Strings, state: LoginState): string | null {
  if (!state.error) return null;
  if (state.error === "rateLimited" && state.waitMinutes && state.waitMinutes > 1) {
    return strings.rateLimitedMinutes.replace("{minutes}", String(state.waitMinutes));
  }
  return strings[state.error];
}

export function LoginForm({ strings, from }: { strings: Strings; from?: string }) {
  const [state, action, pending] = useActionState(loginAction, {});
  const error = errorText(strings, state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      {from ? <input type="hidden" name="from" value={from} /> : null}
      {error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor="email">{strings.email}</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={state.email}
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">{strings.password}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? strings.submitting : strings.submit}
      </Button>
    </form>
  );
}
