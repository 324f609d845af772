export * from "./roles";
export * from "./tenancy";
export * from "./messaging";
export * from "./analysis";
export * from "./jobs";
export * from "./ingest";
export * from "./exports";
