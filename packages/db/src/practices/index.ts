export * from "./birthdays";
export * from "./elections";
export * from "./reflections";
export * from "./service";
