"use client";

import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { loginAction, type LoginState } from "./actions";

type Strings = Record<"email" | "password" | "submit" | "submitting" | NonNullable<LoginState["error"]>, string>;

export function LoginForm({ strings, from }: { strings: Strings; from?: string }) {
  const [state, action, pending] = useActionState(loginAction, {});
  return (
    <form action={action} className="grid gap-4" noValidate>
      {from ? <input type="hidden" name="from" value={from} /> : null}
      {state.error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{strings[state.error]}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor="email">{strings.email}</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
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
