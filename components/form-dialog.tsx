"use client";

import { useActionState, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { ActionState } from "@/lib/auth/guards";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A server-action form in a dialog: shows the action's error (translated through `errors`), hands field
 * errors to the fields, and closes itself when the action succeeds.
 */
export function FormDialog({
  trigger,
  title,
  description,
  action,
  hidden,
  submitLabel,
  cancelLabel,
  submitVariant = "default",
  errors,
  children,
}: {
  trigger: React.ReactNode;
  title: string;
  description?: string;
  action: Action;
  hidden?: Record<string, string>;
  submitLabel: string;
  cancelLabel: string;
  submitVariant?: "default" | "destructive";
  errors: Record<string, string>;
  children?: (fieldErrors: Record<string, string[]>) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // The dialog closes as the action succeeds, in the same transition, so no render shows it open with a stale form.
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (previous, form) => {
    const next = await action(previous, form);
    if (next.ok) setOpen(false);
    return next;
  }, {});
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription>{description}</DialogDescription> : null}
        </DialogHeader>
        <form action={formAction} className="grid gap-4">
          {Object.entries(hidden ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {state.error ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{errors[state.error] ?? state.error}</AlertDescription>
            </Alert>
          ) : null}
          {children?.(state.fieldErrors ?? {})}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {cancelLabel}
            </Button>
            <Button type="submit" variant={submitVariant} disabled={pending}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
