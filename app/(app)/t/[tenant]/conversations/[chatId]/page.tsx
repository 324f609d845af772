import Link from "next/link";
import { notFound } from "next/navigation";
import { SentimentTrajectory } from "@/components/conversations/sentiment-trajectory";
import { LiveRefresh } from "@/components/live-refresh";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTenant } from "@/lib/auth/guards";
import { findConversation } from "@/lib/conversations/queries";
import { responseTimes } from "@/lib/conversations/response-times";
import { formatDuration } from "@/lib/i18n/duration";
import { conversationStrings } from "@/lib/i18n/dictionaries/conversations";
import { emotionStrings, toneStrings } from "@/lib/i18n/dictionaries/emotions";
import type { Emotion, Tone } from "@/lib/scores/vocabulary";
import { getT } from "@/lib/i18n/server";
import { cn } from "@/lib/utils";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const metadata = { title: "Conversa" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ConversationPage({ params }: { params: Promise<{ tenant: string; chatId: string }> }) {
  const { tenant: slug, chatId } = await params;
  const { tenant } = await requireTenant(slug);
  if (!UUID.test(chatId)) notFound();
  const found = await withTenant(tenant.id, (tx) => findConversation(tx, tenant.id, chatId));
  if (!found) notFound();
  const { chat, messages } = found;
  const { t, locale } = await getT(conversationStrings);
  const { t: te } = await getT(emotionStrings);
  const { t: tt } = await getT(toneStrings);
  const times = responseTimes(messages);
  const clock = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: tenant.timezone });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const points = messages
    .filter((m) => !m.fromMe && !m.deletedAt && m.sentiment !== null)
    .map((m) => ({ label: clock.format(m.sentAt), sentiment: m.sentiment! }));

  return (
    <>
      <LiveRefresh tenant={tenant.slug} />
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <Link
            href={`/t/${tenant.slug}/conversations`}
            className="text-sm text-muted-foreground underline-offset-4 hover:underline"
          >
            ← {t("back")}
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">{chat.contactName ?? t("unknown")}</h1>
          <p className="text-sm text-muted-foreground">
            {chat.phoneMasked ?? ""} · {chat.connectionName}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 text-sm" data-testid="conversation-summary">
          {chat.trend ? (
            <Badge variant={chat.trend === "recovered" ? "default" : "destructive"}>{t(chat.trend)}</Badge>
          ) : null}
          <Badge variant="secondary">
            {t("sentiment")}: {chat.avgSentiment === null ? "—" : decimal.format(Number(chat.avgSentiment))}
          </Badge>
          <Badge variant="secondary">
            {t("firstResponse")}: {formatDuration(times.firstResponseMs, locale)}
          </Badge>
          <Badge variant="secondary">
            {t("medianReply")}: {times.replies ? formatDuration(times.medianReplyMs, locale) : t("noReplies")}
          </Badge>
        </div>
      </div>
      {points.length > 1 ? (
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("trajectory")}</CardTitle>
          </CardHeader>
          <CardContent>
            <SentimentTrajectory points={points} title={t("trajectory")} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardContent>
          <ol className="flex flex-col gap-3" data-testid="conversation-messages">
            {messages
              .filter((m) => m.type !== "reaction")
              .map((m) => (
                <li
                  key={m.id}
                  id={`m-${m.id}`}
                  data-testid="chat-message"
                  className={cn("flex", m.fromMe ? "justify-end" : "justify-start")}
                >
                  <div
                    className={cn(
                      "max-w-[85%] rounded-lg border px-3 py-2 text-sm sm:max-w-[70%]",
                      m.fromMe ? "bg-primary/10" : "bg-card",
                      m.deletedAt && "opacity-60",
                    )}
                  >
                    <div className="mb-1 text-xs text-muted-foreground">
                      {m.fromMe ? t("you") : (m.senderName ?? chat.contactName ?? t("unknown"))} ·{" "}
                      {clock.format(m.sentAt)}
                      {m.editedAt ? ` · ${t("edited")}` : ""}
                      {m.deletedAt ? ` · ${t("deleted")}` : ""}
                    </div>
                    <p className={cn("whitespace-pre-wrap break-words", m.deletedAt && "line-through")}>
                      {m.text ?? `[${m.type}]`}
                    </p>
                    {!m.fromMe && m.text ? (
                      <div
                        className="mt-2 flex flex-wrap gap-1"
                        title={m.rationale ?? undefined}
                        data-testid="message-scores"
                        data-analysed={m.sentiment !== null}
                      >
                        {m.sentiment !== null ? (
                          <>
                            <Badge
                              variant={
                                m.sentiment <= -0.1 ? "destructive" : m.sentiment >= 0.1 ? "default" : "secondary"
                              }
                            >
                              {decimal.format(m.sentiment)}
                            </Badge>
                            <Badge variant="outline">{m.emotion ? te(m.emotion as Emotion) : "—"}</Badge>
                            <Badge variant="outline">{m.satisfaction}</Badge>
                            <Badge variant="outline">{m.tone ? tt(m.tone as Tone) : "—"}</Badge>
                          </>
                        ) : (
                          <Badge variant="outline">{m.analysisStatus === "failed" ? t("failed") : t("pending")}</Badge>
                        )}
                      </div>
                    ) : null}
                  </div>
                </li>
              ))}
          </ol>
          {messages.length === 0 ? <CardDescription>—</CardDescription> : null}
        </CardContent>
      </Card>
    </>
  );
}
