import { loadSupabase } from './load-supabase'
import { supabase } from './supabase'

describe('loadSupabase', () => {
  it('resolves to the one app client, however often it is called', async () => {
    const [first, second] = await Promise.all([loadSupabase(), loadSupabase()])
    expect(first).toBe(supabase)
    expect(second).toBe(supabase)
    expect(await loadSupabase()).toBe(supabase)
  })
})
