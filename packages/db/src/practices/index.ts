export * from "./birthdays";
export * from "./elections";
export * from "./rules";
export * from "./service";
