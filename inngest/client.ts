import { Inngest } from "inngest";
import { env } from "@/lib/env";
import { embeddedFetch } from "@/inngest/embedded/embedded-fetch";

function createClient() {
  const e = env();
  if (e.jobsMode === "embedded") {
    // No Inngest server: event sends and function registration are answered in-process (lib/jobs).
    return new Inngest({ id: "evosense", isDev: true, baseUrl: "http://embedded.evosense", fetch: embeddedFetch });
  }
  return new Inngest({
    id: "evosense",
    eventKey: e.INNGEST_EVENT_KEY,
    baseUrl: e.INNGEST_BASE_URL,
    isDev: e.INNGEST_DEV ? true : undefined,
    // Keep checkpointing below the route's maxDuration (app/api/inngest/route.ts).
    checkpointing: { maxRuntime: "50s" },
  });
}

const holder = globalThis as unknown as { __evosenseInngest?: ReturnType<typeof createClient> };
export const inngest = (holder.__evosenseInngest ??= createClient());
