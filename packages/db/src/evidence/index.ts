// Core, shared: evidence attachments and document templates, used by the platform's attachment
// routes (in the module workers), the api's templates and checks, and onboarding's required documents.
export * from "./attachments";
export * from "./templates";
