export * from "./client";
export * from "./paginate";
export { retryAfterMs } from "./retry";
