export * from "./attachments";
export * from "./templates";
