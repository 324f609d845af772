import type { DbOrTx } from "@/db/client";
import { promptVersions } from "@/db/schema";
import { DEFAULT_PROMPT_BODY, DEFAULT_PROMPT_KEY, promptVersionHash } from "./prompt-template";

/**
 * p_v1_base names no provider or model: the deployment's configured provider runs it, so the same default works
 * offline and on OpenAI. Experiments pin a provider and model in versions of their own.
 */
export const DEFAULT_PROMPT_VERSION = {
  key: DEFAULT_PROMPT_KEY,
  description: "Instruções em português, contrato JSON e três exemplos; o provedor configurado no ambiente.",
  body: DEFAULT_PROMPT_BODY,
  provider: null,
  model: null,
  params: { temperature: 0 } as Record<string, unknown>,
};

export async function ensureDefaultPromptVersion(db: DbOrTx): Promise<void> {
  const v = DEFAULT_PROMPT_VERSION;
  await db
    .insert(promptVersions)
    .values({ ...v, hash: promptVersionHash(v), isDefault: true })
    .onConflictDoNothing();
}
