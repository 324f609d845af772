export async function register() {
  // The boot module is Node-only (database, process exit); the edge build never loads it.
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./server/register-node")).registerNode();
}
