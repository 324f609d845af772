import { z } from "zod";
import { EMOTIONS, TONES } from "@/lib/scores/vocabulary";

/**
 * The one contract every provider's answer must meet, whatever produced it (an LLM's JSON, n8n's reply or the
 * local model). Bounds are checked here so a model that drifts cannot write a score the dashboards misread.
 */
export const analysisOutputSchema = z.object({
  sentiment: z.number().min(-1).max(1),
  emotion: z.enum(EMOTIONS),
  satisfaction: z.number().int().min(0).max(100),
  tone: z.enum(TONES),
  summary: z.string().trim().min(1).max(280),
  confidence: z.number().min(0).max(1),
  rationale: z.string().trim().min(1).max(300),
  language: z.string().trim().min(2).max(8).optional(),
});

export type AnalysisOutput = z.infer<typeof analysisOutputSchema>;

/** The first issue of a failed parse, as `path: message`, for the error stored on the message. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid output";
  const path = issue.path.length ? issue.path.join(".") : "(root)";
  return `${path}: ${issue.message}`;
}

/** `POST /api/v1/ai/analyze`: one message, optionally under another prompt version. */
export const analyzeNowRequestSchema = z.object({ message_id: z.uuid(), prompt_version_id: z.uuid().optional() });
