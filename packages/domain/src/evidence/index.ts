export * from "./documents";
export * from "./file-type";
export * from "./required";
export * from "./rules";
