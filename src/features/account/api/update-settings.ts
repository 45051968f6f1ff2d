import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { queryKeys } from '@/lib/query-keys'
import { supabase } from '@/lib/supabase'

/** The `profiles.display_name` check constraints: 1 to 60 characters, something visible. */
export const DISPLAY_NAME_MAX = 60

/** Characters as Postgres' char_length counts them (code points, so an emoji is one). */
export const displayNameLength = (value: string) => [...value.trim()].length

/** Same rule as the `profiles.display_name` check constraint, with messages people can act on. */
export const displayNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, { error: 'Enter a display name.' }),
  z.refine((value) => displayNameLength(value) <= DISPLAY_NAME_MAX, {
    error: `Use at most ${DISPLAY_NAME_MAX} characters.`,
  }),
  // Control characters would render as nothing on the leaderboard.
  z.regex(/^[^\p{Cc}]*$/u, { error: 'Use letters, numbers and punctuation only.' }),
  // Nor would a name of zero-width or other invisible characters (\s covers the spaces).
  z.regex(/[^\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064]/u, {
    error: 'Use at least one letter, number or symbol.',
  }),
)

export const settingsPatchSchema = z.partial(
  z.object({
    display_name: displayNameSchema,
    show_on_leaderboard: z.boolean(),
  }),
)

export type SettingsPatch = z.input<typeof settingsPatchSchema>

/** Updates the columns users may change themselves (column grants + RLS in the migration). */
export async function updateSettings(userId: string, patch: SettingsPatch): Promise<void> {
  const values = settingsPatchSchema.parse(patch)
  await supabase.from('profiles').update(values).eq('id', userId).throwOnError()
}

export function useUpdateSettings(userId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (patch: SettingsPatch) => updateSettings(userId, patch),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.profile(userId) }),
        // The leaderboard shows the display name and depends on the opt-in.
        queryClient.invalidateQueries({ queryKey: queryKeys.leaderboard.all }),
      ]),
  })
}
