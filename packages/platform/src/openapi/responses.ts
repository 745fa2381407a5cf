import { ProblemSchema } from "./schemas";

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/** The error answers every authenticated route can give, spread into each route declaration. */
export const errorResponses = {
  400: problem("malformed JSON or invalid fields"),
  401: problem("missing or invalid API key or session"),
  403: problem("the caller's role may not do this"),
  404: problem("not found, or outside the caller's scope"),
  413: problem("body over the size limit"),
  415: problem("wrong content type"),
  429: problem("rate limited; see Retry-After"),
} as const;

export const writeResponses = {
  ...errorResponses,
  409: problem("version conflict or duplicate"),
  422: problem("a rule refused the change; errors[].rule names it"),
} as const;

export function json<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}

/** Either credential: a key (machines) or the session cookie (people signed in). */
export const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
