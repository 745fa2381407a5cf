export * from "./lockout";
export * from "./login";
export * from "./password-policy";
export * from "./session-expiry";
