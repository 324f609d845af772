"use client";

import { Trash2 } from "lucide-react";
import { useActionState, useEffect, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/auth/guards";
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
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteConnectionAction, {});
  useEffect(() => {
    if (state.ok) setOpen(false);
  }, [state]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive">
          <Trash2 className="size-4" aria-hidden /> {strings.delete}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{strings.title}</DialogTitle>
          <DialogDescription>{strings.body}</DialogDescription>
        </DialogHeader>
        {state.error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{strings.errors[state.error] ?? state.error}</AlertDescription>
          </Alert>
        ) : null}
        <form action={action}>
          <input type="hidden" name="tenant" value={tenant} />
          <input type="hidden" name="connectionId" value={connectionId} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {strings.cancel}
            </Button>
            <Button type="submit" variant="destructive" disabled={pending}>
              {strings.delete}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
