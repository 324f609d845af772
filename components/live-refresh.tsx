"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page's server components when the tenant's messages arrive or are analysed (SSE from
 * /api/v1/events), at most once a second, so numbers and lists stay current without a reload.
 */
const DEFAULT_EVENTS = ["message.received", "message.analyzed"];

/** `tenant` names the tenant being viewed: a super-admin's session belongs to none, so the stream must be told. */
export function LiveRefresh({ tenant, events = DEFAULT_EVENTS }: { tenant: string; events?: string[] }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource(`/api/v1/events?${new URLSearchParams({ tenant })}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const refresh = () => {
      if (timer || stopped) return;
      timer = setTimeout(() => {
        timer = undefined;
        router.refresh();
      }, 1000);
    };
    for (const name of events) source.addEventListener(name, refresh);
    // The server ends the stream when the tenant is suspended; reconnecting would only be refused. The refresh lets the
    // page's guard show the suspension instead of the data.
    source.addEventListener("tenant.suspended", () => {
      stopped = true;
      source.close();
      document.body.removeAttribute("data-live-updates");
      router.refresh();
    });
    // Marks the document while the stream is open (tests wait for it before sending what the page should show).
    source.addEventListener("open", () => document.body.setAttribute("data-live-updates", "on"));
    source.addEventListener("error", () => document.body.removeAttribute("data-live-updates"));
    // Signing out ends the live view: a refresh still in flight would only re-render a session being deleted.
    const stop = (e: Event) => {
      if (!(e.target instanceof HTMLFormElement) || !e.target.hasAttribute("data-signout")) return;
      stopped = true;
      clearTimeout(timer);
      source.close();
      document.body.removeAttribute("data-live-updates");
    };
    document.addEventListener("submit", stop, { capture: true });
    return () => {
      clearTimeout(timer);
      source.close();
      document.body.removeAttribute("data-live-updates");
      document.removeEventListener("submit", stop, { capture: true });
    };
  }, [router, events, tenant]);
  return null;
}
