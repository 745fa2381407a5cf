export * from "./case-data";
export * from "./kinds";
