import { z } from "@hono/zod-openapi";
import { invalid } from "../errors/problem";

export const MAX_LIMIT = 200;

export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(50)
    .openapi({ param: { name: "limit", in: "query" }, example: 50 }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: "cursor", in: "query" }, description: "`nextCursor` of the previous page" }),
});

/** Cursors are opaque to clients: the last key of the page, wrapped so it can change shape later. */
export function encodeCursor(after: string | number): string {
  return btoa(JSON.stringify({ a: after })).replace(/=+$/, "");
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(atob(cursor)) as { a?: unknown };
    if (typeof v.a === "string" || typeof v.a === "number") return String(v.a);
  } catch {
    // fall through
  }
  throw invalid("cursor", { zh: "游标无效", en: "The cursor is not valid" });
}

/** Callers fetch `limit + 1` rows: the extra row only says whether another page exists. */
export function page<T, R = T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => string | number,
  map?: (row: T) => R,
): { items: R[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return {
    items: map ? items.map(map) : (items as unknown as R[]),
    nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
