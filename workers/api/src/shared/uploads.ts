import { fileUpload, type UploadRoute } from "@vanguard/platform";

/**
 * The routes that take files over the 1 MiB default, matched on the whole path (a module path that
 * happens to end the same way gets the default limit). The api worker is the edge, so it declares the
 * module workers' imports too; each module declares its own again.
 */
export const UPLOADS: readonly UploadRoute[] = [
  fileUpload(/^\/v1\/branches\/[^/]+\/members\/import$/),
  fileUpload(/^\/v1\/branches\/[^/]+\/dues\/import$/),
  fileUpload(/^\/v1\/branches\/[^/]+\/meetings\/import$/),
  fileUpload(/^\/v1\/branches\/[^/]+\/development\/cases\/import$/),
];
