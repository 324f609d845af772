import type { Database } from "@/db/client";
import { logger } from "@/lib/log";
import { deliverLocally, NOTIFY_CHANNEL } from "./bus";

// Per database: NOTIFY does not cross databases, and tests open one per case in a single process.
const holder = globalThis as unknown as { __evosenseListening?: WeakMap<Database, Promise<void>> };

/**
 * On a PostgreSQL server, one LISTEN connection per process relays every tenant event to this process's
 * subscribers (SSE streams); embedded mode needs none, its bus is already in-process.
 */
export function startRealtimeListener(database: Database): Promise<void> {
  holder.__evosenseListening ??= new WeakMap();
  let listening = holder.__evosenseListening.get(database);
  if (!listening) {
    listening = (async () => {
      if (database.kind !== "postgres" || !database.sql) return;
      await database.sql.listen(NOTIFY_CHANNEL, deliverLocally);
      logger().info({ channel: NOTIFY_CHANNEL }, "realtime listener started");
    })();
    holder.__evosenseListening.set(database, listening);
  }
  return listening;
}
