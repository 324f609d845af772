/**
 * The public API described for integrators (OpenAPI 3.1). Parameters and request bodies are generated from the zod
 * schemas the routes validate with, so the document cannot promise what a route refuses; responses are described
 * here. lib/api/openapi.test.ts checks that every route file under app/api/v1 is documented.
 */
import { z } from "zod";
import { analyzeNowRequestSchema } from "@/lib/analysis/schema";
import { createConnectionSchema } from "@/lib/connections/schemas";
import { conversationQuerySchema } from "@/lib/conversations/schemas";
import { EXPORT_KINDS } from "@/lib/exports/service";
import { chatListQuerySchema, messageListQuerySchema } from "@/lib/messages/schemas";
import { metricsQuerySchema } from "@/lib/metrics/schemas";
import { semanticSearchSchema } from "@/lib/search/schemas";

type JsonSchema = {
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  [key: string]: unknown;
};

/** What a client may send (the schema's input side), without the dialect marker OpenAPI does not want inline. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** One query parameter per field of an object schema. */
function queryParameters(schema: z.ZodType) {
  const { properties = {}, required = [] } = jsonSchema(schema);
  return Object.entries(properties).map(([name, { description, ...field }]) => ({
    name,
    in: "query",
    ...(required.includes(name) ? { required: true } : {}),
    schema: field,
    ...(description ? { description } : {}),
  }));
}

const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: jsonSchema(schema) } },
});

const error = { $ref: "#/components/responses/Error" };
const uuid = { type: "string", format: "uuid" };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "EvoSense API",
    version: "1",
    description:
      "Tenant-scoped read API over WhatsApp conversations analysed by EvoSense. Authenticate with a tenant API key (`Authorization: Bearer evo_…`, created in Settings › API) or a logged-in session. Every error is `{error: {code, message}}`. A suspended tenant's keys and users get 403 `tenant_suspended` on every tenant route until it is reactivated.",
  },
  servers: [{ url: "/" }],
  security: [{ apiKey: [] }, { session: [] }],
  components: {
    securitySchemes: {
      apiKey: { type: "http", scheme: "bearer", description: "A tenant API key: evo_…" },
      session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
    },
    responses: {
      Error: {
        description: "An error",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: {
                error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } },
              },
            },
          },
        },
      },
    },
    schemas: {
      Message: {
        type: "object",
        properties: {
          id: uuid,
          chatId: uuid,
          connectionId: uuid,
          externalId: { type: "string" },
          fromMe: { type: "boolean" },
          type: { type: "string" },
          text: { type: ["string", "null"] },
          sentAt: { type: "string", format: "date-time" },
          analysisStatus: { enum: ["pending", "deferred", "processing", "done", "failed", "skipped"] },
          sentiment: { type: ["number", "null"], minimum: -1, maximum: 1 },
          emotion: { type: ["string", "null"] },
          satisfaction: { type: ["integer", "null"], minimum: 0, maximum: 100 },
          tone: { type: ["string", "null"] },
          summary: { type: ["string", "null"] },
          confidence: { type: ["number", "null"] },
          rationale: { type: ["string", "null"] },
          embeddingModel: { type: ["string", "null"] },
          inference: {
            type: ["object", "null"],
            description: "The model call behind the scores: provider, model, prompt version, latency, tokens, cost.",
          },
        },
      },
      Metrics: {
        type: "object",
        properties: {
          from: { type: "string", format: "date" },
          to: { type: "string", format: "date" },
          emotion: {
            type: ["string", "null"],
            description:
              "The emotion filter, when given: every figure then counts the customer messages analysed with it",
          },
          messagesReceived: { type: "integer" },
          messagesSent: { type: ["integer", "null"], description: "Null under an emotion filter" },
          conversations: {
            type: "integer",
            description:
              "Chats with a message in the period (with the emotion, when filtered): the dashboard's conversations card",
          },
          analyzed: { type: "integer" },
          avgSentiment: { type: ["number", "null"] },
          pctPositive: { type: ["number", "null"] },
          pctNegative: { type: ["number", "null"] },
          avgSatisfaction: { type: ["number", "null"] },
          p95AnalysisLatencyMs: { type: ["number", "null"] },
          medianFirstResponseSeconds: {
            type: ["number", "null"],
            description:
              "Median time from a customer turn's first message to the reply that ends it, for replies sent in the period (from rollup buckets, within ±9 %); null under an emotion filter",
          },
          emotions: { type: "object", additionalProperties: { type: "integer" } },
          daily: { type: "array", items: { type: "object" } },
        },
      },
    },
  },
  paths: {
    "/api/v1/me": {
      get: {
        summary: "Who is calling: tenant, role, and how",
        responses: { 200: { description: "The caller" }, 401: error, 403: error },
      },
    },
    "/api/v1/messages": {
      get: {
        summary: "Messages, newest first, with scores",
        parameters: queryParameters(messageListQuerySchema),
        responses: {
          200: {
            description: "A page of messages",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/Message" } },
                    total: { type: "integer" },
                  },
                },
              },
            },
          },
          401: error,
          403: error,
          422: error,
        },
      },
    },
    "/api/v1/messages/semantic-search": {
      post: {
        summary: "Search by meaning (HNSW over the tenant's embeddings) blended with exact words",
        requestBody: jsonBody(semanticSearchSchema),
        responses: { 200: { description: "Results, best first" }, 401: error, 403: error, 422: error },
      },
    },
    "/api/v1/chats": {
      get: {
        summary: "Chats of the tenant",
        parameters: queryParameters(chatListQuerySchema),
        responses: { 200: { description: "A page of chats" }, 401: error, 403: error },
      },
    },
    "/api/v1/connections": {
      get: {
        summary: "Evolution connections",
        responses: { 200: { description: "Connections" }, 401: error, 403: error },
      },
      post: {
        summary: "Create a connection (admins)",
        requestBody: jsonBody(createConnectionSchema),
        responses: {
          201: { description: "Created, with its webhook URL and secret" },
          401: error,
          403: error,
          409: error,
          422: error,
        },
      },
    },
    "/api/v1/tenants/{id}/metrics": {
      get: {
        summary: "The dashboard's KPIs for a period of local days, from the rollups",
        parameters: [{ name: "id", in: "path", required: true, schema: uuid }, ...queryParameters(metricsQuerySchema)],
        responses: {
          200: {
            description: "Metrics",
            content: {
              "application/json": {
                schema: { type: "object", properties: { data: { $ref: "#/components/schemas/Metrics" } } },
              },
            },
          },
          401: error,
          403: error,
          404: error,
          422: error,
        },
      },
    },
    "/api/v1/events": {
      get: {
        summary: "Server-Sent Events of the tenant: message.received, message.analyzed",
        responses: { 200: { description: "text/event-stream" }, 401: error, 403: error },
      },
    },
    "/api/v1/ai/analyze": {
      post: {
        summary: "Re-analyse one message now (super-admins)",
        requestBody: jsonBody(analyzeNowRequestSchema),
        responses: {
          200: { description: "The message with its inferences" },
          401: error,
          403: error,
          404: error,
          409: error,
          422: error,
          429: error,
          502: error,
          503: error,
        },
      },
    },
    "/api/v1/exports/{kind}": {
      get: {
        summary:
          "CSV export of the filtered conversations (conversations.csv) or of their messages (messages.csv); counts against the plan's exports per day",
        parameters: [
          { name: "kind", in: "path", required: true, schema: { enum: EXPORT_KINDS.map((k) => `${k}.csv`) } },
          ...queryParameters(conversationQuerySchema),
        ],
        responses: { 200: { description: "text/csv" }, 401: error, 403: error, 404: error, 422: error, 429: error },
      },
    },
    "/api/v1/openapi.json": {
      get: { summary: "This document", security: [], responses: { 200: { description: "OpenAPI 3.1" } } },
    },
  },
};
