import type { UploadRoute } from "@vanguard/platform";
import { MAX_IMPORT_BYTES } from "../members/members.import";

/**
 * The routes of this worker that take files over the 1 MiB default, matched on the whole path:
 * a module path that happens to end the same way gets the default limit.
 */
export const UPLOADS: readonly UploadRoute[] = [
  {
    method: "POST",
    path: /^\/v1\/branches\/[^/]+\/members\/import$/,
    maxSize: MAX_IMPORT_BYTES,
    tooLarge: { zh: "导入文件不能超过 8 MiB", en: "Import files are limited to 8 MiB" },
  },
];
