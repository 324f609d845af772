export { analyzeLocal } from "./analyze";
export { embedLocal, LOCAL_EMBEDDING_MODEL } from "./embed";
export * from "./types";

export const LOCAL_MODEL_ID = "evosense-local-1";
export const LOCAL_MODEL_NAME = "EvoSense local model";
