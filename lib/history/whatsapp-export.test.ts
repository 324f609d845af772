import { describe, expect, it } from "vitest";
import { parseWhatsAppExport } from "./whatsapp-export";
import { zonedTimeToUtc } from "./zoned-time";

const EXPORT = `12/11/2026 09:14 - As mensagens e as ligações são protegidas com a criptografia de ponta a ponta.
12/11/2026 09:14 - Mariana Souza: Bom dia! Meu pedido 4821 não chegou
12/11/2026 09:20 - Loja Centro: Bom dia, Mariana! Vou verificar.
Um momento, por favor.
12/11/2026 09:31 - Loja Centro: Saiu para entrega hoje 🚚
12/11/2026 09:32 - Mariana Souza: <Mídia oculta>
12/11/2026 09:33 - Mariana Souza mudou o número de telefone.
13/11/26 18:02 - Mariana Souza: Chegou, obrigada!! 😊
`;

describe("WhatsApp chat export (Brazilian format)", () => {
  it("parses authors, local times, multi-line messages and media, skipping system lines", () => {
    const messages = parseWhatsAppExport(EXPORT, "America/Sao_Paulo");
    expect(messages.map((m) => [m.author, m.text, m.media])).toEqual([
      ["Mariana Souza", "Bom dia! Meu pedido 4821 não chegou", false],
      ["Loja Centro", "Bom dia, Mariana! Vou verificar.\nUm momento, por favor.", false],
      ["Loja Centro", "Saiu para entrega hoje 🚚", false],
      ["Mariana Souza", "<Mídia oculta>", true],
      ["Mariana Souza", "Chegou, obrigada!! 😊", false],
    ]);
    // 09:14 in São Paulo (UTC-3) is 12:14 UTC.
    expect(messages[0]!.sentAt.toISOString()).toBe("2026-11-12T12:14:00.000Z");
    expect(messages[4]!.sentAt.toISOString()).toBe("2026-11-13T21:02:00.000Z");
  });

  it("reads the iOS bracket format with seconds", () => {
    const [m] = parseWhatsAppExport("[12/11/2026, 09:14:31] Mariana Souza: Oi", "America/Sao_Paulo");
    expect(m).toMatchObject({ author: "Mariana Souza", text: "Oi" });
    expect(m!.sentAt.toISOString()).toBe("2026-11-12T12:14:31.000Z");
  });

  it("converts wall-clock times in other zones too", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 1, hour: 12, minute: 0 }, "Europe/Lisbon").toISOString()).toBe(
      "2026-07-01T11:00:00.000Z",
    );
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 }, "UTC").toISOString()).toBe(
      "2026-01-01T00:00:00.000Z",
    );
  });
});
