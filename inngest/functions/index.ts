import { analysisSweepFn } from "./analysis-sweep";
import { analyzeMessageFn } from "./analyze-message";
import { historyImportFn } from "./history-import";
import { jobMaintenanceFn } from "./job-maintenance";
import { tenantCreatedFn } from "./tenant-created";
import { tenantReactivatedFn } from "./tenant-reactivated";

export const functions = [
  analyzeMessageFn,
  analysisSweepFn,
  tenantCreatedFn,
  tenantReactivatedFn,
  historyImportFn,
  jobMaintenanceFn,
];
