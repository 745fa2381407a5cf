export * from "./attachments";
export * from "./rules";
export * from "./templates";
