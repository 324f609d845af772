import { getDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { forwardOutbox } from "../inngest/outbox-forwarder";
import { EmbeddedRunner } from "../inngest/embedded/runner";

type Worker = { stop: () => Promise<void> };

const FORWARD_BATCH = 100;
const GATHER_MS = 200;
const IDLE_POLL_MS = 1000;
const holder = globalThis as unknown as { __evosenseWorker?: Promise<Worker> };

/** Starts the process's background worker once: the embedded runner, or the forwarder to Inngest. */
export function startBackgroundWork(): Promise<Worker> {
  holder.__evosenseWorker ??= (async () => {
    const database = await getDatabase();
    const log = logger().child({ component: "jobs" });
    // Imported lazily: the serve handler pulls in every function and its dependencies.
    const [{ inngestHandler }, { inngest }] = await Promise.all([
      import("@/inngest/serve"),
      import("@/inngest/client"),
    ]);
    if (env().jobsMode === "embedded") {
      const runner = new EmbeddedRunner({ database, handler: inngestHandler, logger: log });
      await runner.start();
      return runner;
    }
    let stopped = false;
    const loop = async () => {
      while (!stopped) {
        let pause = IDLE_POLL_MS;
        try {
          const { sent, failed } = await forwardOutbox(database.db, (events) => inngest.send(events), FORWARD_BATCH);
          if (failed) log.warn({ failed }, "outbox forward failed; will retry");
          // A full batch means a backlog: go on at once. A partial one means events trickle in: gather them for a
          // moment, so each pass (a transaction and a call to Inngest) carries many rather than one or two.
          if (sent === FORWARD_BATCH) continue;
          if (sent > 0) pause = GATHER_MS;
        } catch (err) {
          log.error({ err }, "outbox forwarder error");
        }
        await new Promise((r) => setTimeout(r, pause));
      }
    };
    const done = loop();
    log.info("outbox forwarder started");
    return {
      stop: async () => {
        stopped = true;
        await done;
      },
    };
  })();
  return holder.__evosenseWorker;
}

export function backgroundWorkRunning(): boolean {
  return holder.__evosenseWorker !== undefined;
}
