import { inngestHandler } from "@/inngest/serve";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const { GET, POST, PUT } = inngestHandler;
