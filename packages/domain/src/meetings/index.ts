export * from "./cadence";
export * from "./checks";
export * from "./kinds";
