"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page's server components when the tenant's messages arrive or are analysed (SSE from
 * /api/v1/events), at most once a second, so numbers and lists stay current without a reload.
 */
const DEFAULT_EVENTS = ["message.received", "message.analyzed"];

export function LiveRefresh({ events = DEFAULT_EVENTS }: { events?: string[] }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource("/api/v1/events");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        router.refresh();
      }, 1000);
    };
    for (const name of events) source.addEventListener(name, refresh);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router, events]);
  return null;
}
