export * from "./attachment-routes";
export * from "./attachment-schemas";
export * from "./bucket";
export * from "./evidence-file";
