import { attachmentUploadRoute, evidenceUpload, fileUpload, type UploadRoute } from "@vanguard/platform";

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
  // files attached to records (20 MiB each), at the modules that own the records
  attachmentUploadRoute("/v1/branches/{branchId}/development/cases/{caseId}/steps/{step}"),
  attachmentUploadRoute("/v1/branches/{branchId}/meetings/{meetingId}"),
  attachmentUploadRoute("/v1/branches/{branchId}/records/{recordId}"),
  attachmentUploadRoute("/v1/branches/{branchId}/duty-tasks/{taskId}"),
  attachmentUploadRoute("/v1/branches/{branchId}/inspections/{inspectionId}/items/{code}"),
  // a district's own .docx template for a generated form
  evidenceUpload(/^\/v1\/districts\/[^/]+\/document-templates\/[a-z_]+$/, "PUT"),
];
