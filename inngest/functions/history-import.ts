import { NonRetriableError } from "inngest";
import { platformDb } from "@/lib/tenancy/queries";
import { EvolutionApiError } from "@/lib/history/evolution-client";
import { importEvolutionPage } from "@/lib/history/evolution-import";
import { OutboundUrlRefusedError } from "@/lib/security/outbound-url";
import {
  claimImport,
  finishImport,
  importErrorCode,
  newImportProgress,
  reportProgress,
} from "@/lib/history/import-state";
import { inngest } from "../client";
import { historyImportRequested } from "../events";

export const historyImportFn = inngest.createFunction(
  {
    id: "history-import",
    triggers: [historyImportRequested],
    retries: 4,
    onFailure: async ({ event, error }) => {
      const { tenantId, connectionId } = event.data.event.data;
      await finishImport(
        await platformDb(),
        { tenantId, connectionId },
        newImportProgress("evolution"),
        null,
        error.message,
        importErrorCode(error),
      );
    },
  },
  async ({ event, step }) => {
    const target = event.data;
    const claim = await step.run("claim", async () => {
      const c = await claimImport(await platformDb(), target, "evolution");
      return { claimed: c.claimed, watermark: c.watermark?.toISOString() ?? null };
    });
    if (!claim.claimed) return { skipped: "an import is already running for this connection" };
    const watermark = claim.watermark ? new Date(claim.watermark) : null;
    const progress = newImportProgress("evolution");
    let newest: string | null = null;
    // One step per page: a failure retries that page only, and step outputs stay small (counts, not rows).
    for (let page = 1; ; page++) {
      const r = await step.run(`import-page-${page}`, async () => {
        try {
          return await importEvolutionPage(await platformDb(), target.tenantId, target.connectionId, page, watermark);
        } catch (e) {
          if (e instanceof EvolutionApiError && [401, 403, 404].includes(e.status))
            throw new NonRetriableError(`${importErrorCode(e)}: ${e.message}`);
          // A refused URL stays refused: retrying would only repeat the attempt (the issue saw five).
          if (e instanceof OutboundUrlRefusedError) throw new NonRetriableError(e.message);
          throw e;
        }
      });
      Object.assign(progress, {
        page,
        pages: r.pages,
        imported: progress.imported + r.imported,
        duplicates: progress.duplicates + r.duplicates,
      });
      if (r.newest && (!newest || r.newest > newest)) newest = r.newest;
      await step.run(`report-page-${page}`, async () => reportProgress(await platformDb(), target, progress));
      if (page >= r.pages) break;
    }
    await step.run("finish", async () =>
      finishImport(await platformDb(), target, progress, newest ? new Date(newest) : null),
    );
    return progress;
  },
);
