import { jobMaintenanceFn } from "./job-maintenance";
import { tenantCreatedFn } from "./tenant-created";

export const functions = [tenantCreatedFn, jobMaintenanceFn];
