-- supabase-js upserts (`.upsert({ symbol, alert_above })`) become INSERT ... ON CONFLICT DO
-- UPDATE SET <every column sent>, which needs UPDATE on user_id and symbol too. RLS still pins
-- user_id to the caller (the update policy's with check), so this only lets users re-save
-- their own watchlist rows.

grant update (user_id, symbol) on public.wishlists to authenticated;
