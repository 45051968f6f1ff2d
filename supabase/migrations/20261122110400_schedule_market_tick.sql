-- Runs the market every second on hosted Supabase with pg_cron (SPEC §2). Guarded: where
-- pg_cron is not available (the local stack, a plain PostgreSQL) or cannot be created (not in
-- shared_preload_libraries), the migration still applies and the local stack's clock calls
-- market_tick() instead.

do $$
begin
  if exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron') then
    begin
      create extension if not exists pg_cron;
      -- cron.schedule upserts by job name, so re-running is harmless
      perform cron.schedule('market-tick', '1 seconds', 'select public.market_tick()');
    exception when others then
      raise notice 'pg_cron unavailable (%); market_tick is not scheduled in the database', sqlerrm;
    end;
  end if;
end
$$;
