/** Hosted PostgREST caps a response at `max-rows` (1000 by default), so large reads page. */
export const PAGE_SIZE = 1000

export async function fetchAllPages<T>(
  page: (from: number, to: number) => PromiseLike<{ data: T[] | null; error: unknown }>,
  maxPages = 20,
): Promise<T[]> {
  const rows: T[] = []
  for (let index = 0; index < maxPages; index++) {
    const from = index * PAGE_SIZE
    const { data, error } = await page(from, from + PAGE_SIZE - 1)
    if (error) throw error
    rows.push(...(data ?? []))
    if (!data || data.length < PAGE_SIZE) break
  }
  return rows
}
