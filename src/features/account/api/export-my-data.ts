import { useMutation } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'

/** The export is the user's own data as Postgres assembled it; only its envelope is checked. */
const exportSchema = z.record(z.string(), z.unknown())

export type DataExport = z.infer<typeof exportSchema>

export async function exportMyData(): Promise<DataExport> {
  const { data } = await supabase.rpc('export_my_data').throwOnError()
  return parseResponse(exportSchema, data, 'your data export')
}

export function useExportMyData() {
  return useMutation({ mutationFn: exportMyData })
}
