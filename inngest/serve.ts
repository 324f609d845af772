import { serve } from "inngest/next";
import { inngest } from "./client";
import { functions } from "./functions";

/** The one entry point of every function run, for Inngest in production and the embedded runner alike. */
export const inngestHandler = serve({ client: inngest, functions });
