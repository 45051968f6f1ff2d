-- market_tick at thousands of stocks (bench/market-tick.ts): the per-stock cost was dominated
-- by numeric division in the uniform draw and by index churn from updating every stock row
-- every second.
-- * private.uniform now maps the 64-bit hash to (0, 1) with float arithmetic: the top 53 bits,
--   centred, so 0 and 1 are never returned (Box-Muller takes ln of it). Same determinism:
--   a (seed, key) pair still always yields the same draw, just a different one than before.
-- * stocks keeps half of each page free, so the per-tick update of every row stays a HOT
--   update (no index entries, no index bloat) between autovacuum runs.

create or replace function private.uniform(p_seed bigint, p_key text)
returns double precision
language sql
immutable
parallel safe
as $$
  select ((pg_catalog.hashtextextended(p_key, p_seed) operator(pg_catalog.>>) 11)::double precision + 0.5)
    / 9007199254740992.0 + 0.5
$$;

revoke all on function private.uniform(bigint, text) from public, anon, authenticated;

alter table public.stocks set (fillfactor = 50);
