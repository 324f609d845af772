import { exposeWebhookEndpoint } from "@/server/webhook-endpoint";
import { bootServer } from "./boot";

/** Boots the server or stops the process: a server that cannot migrate or has an unsafe environment must not serve. */
export async function registerNode(): Promise<void> {
  try {
    await bootServer();
    exposeWebhookEndpoint();
  } catch (error) {
    console.error(`\nEvoSense failed to start:\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
