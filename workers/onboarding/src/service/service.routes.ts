import { createRoute, z } from "@hono/zod-openapi";
import {
  errorResponses,
  json,
  jsonBody,
  PageQuery,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";
import { BranchParams } from "../shared/schemas";
import {
  BranchServiceReport,
  ConfirmedView,
  ConfirmInput,
  IssuedSession,
  MemberParams,
  RegistrationInput,
  RegistrationQuery,
  RegistrationView,
  ServiceSummary,
  SessionInput,
  SessionQuery,
  SessionView,
} from "./service.schemas";

const tags = ["Community and volunteer service"];

export const register = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/service/registrations",
  tags,
  security,
  summary: "Register a person with a community or village (报到, 双报到) or a volunteer team",
  request: { params: BranchParams, body: jsonBody(RegistrationInput) },
  responses: { 201: json(RegistrationView, "the registration"), ...writeResponses },
});

export const registrations = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/service/registrations",
  tags,
  security,
  summary: "The branch's service registrations",
  request: { params: BranchParams, query: PageQuery.merge(RegistrationQuery) },
  responses: { 200: json(pageSchema(RegistrationView), "a page of registrations"), ...errorResponses },
});

export const record = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/service/sessions",
  tags,
  security,
  summary: "Record a service session; the answer carries its one-time confirmation code for the community",
  request: { params: BranchParams, body: jsonBody(SessionInput) },
  responses: { 201: json(IssuedSession, "the session, pending confirmation"), ...writeResponses },
});

export const sessions = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/service/sessions",
  tags,
  security,
  summary: "Service sessions, newest first (a member key sees its own)",
  request: { params: BranchParams, query: PageQuery.merge(SessionQuery) },
  responses: { 200: json(pageSchema(SessionView), "a page of sessions"), ...errorResponses },
});

export const summary = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/service/members/{memberId}/summary",
  tags,
  security,
  summary: "A member's community and volunteer service hours in a year",
  request: {
    params: MemberParams,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
  },
  responses: { 200: json(ServiceSummary, "the member's hours"), ...errorResponses },
});

export const report = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/service/report",
  tags,
  security,
  summary: "The branch's confirmed service hours per member in a year",
  request: {
    params: BranchParams,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
  },
  responses: { 200: json(BranchServiceReport, "the year's hours"), ...errorResponses },
});

/** Reached only from the api worker's public confirmation route, with its signed context. */
export const confirm = createRoute({
  method: "post",
  path: "/internal/service-confirmations",
  hide: true,
  tags,
  summary: "Confirm a session with its code (internal: the public route is POST /v1/service-confirmations)",
  request: { body: jsonBody(ConfirmInput) },
  responses: { 200: json(ConfirmedView, "the confirmed session"), ...writeResponses },
});

export type RegisterRoute = typeof register;
export type RegistrationsRoute = typeof registrations;
export type RecordRoute = typeof record;
export type SessionsRoute = typeof sessions;
export type SummaryRoute = typeof summary;
export type ReportRoute = typeof report;
export type ConfirmRoute = typeof confirm;
