export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/boot/boot");
  try {
    await bootServer();
  } catch (error) {
    // A server that cannot migrate or has an unsafe environment must not serve requests.
    console.error(`\nEvoSense failed to start:\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
