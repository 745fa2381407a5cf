/** What every list answers: a page of items and the cursor of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of a paged list, fetching page after page as the loop asks for more:
 *
 *   for await (const m of paginate((cursor) => api.GET("/v1/branches/{branchId}/members", {
 *     params: { path: { branchId }, query: { limit: 200, cursor } },
 *   }))) console.log(m.name);
 */
export async function* paginate<T>(
  page: (cursor: string | undefined) => Promise<{ data?: Page<T> }>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const { data } = await page(cursor);
    if (!data) return;
    yield* data.items;
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
}
