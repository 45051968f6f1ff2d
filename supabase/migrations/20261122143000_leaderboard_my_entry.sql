-- The leaderboard names traders by display name only, so the app could not tell which row is
-- the signed-in user (two traders may share a name) nor where they stand beyond the top N.
-- get_my_leaderboard_entry() answers that for the caller alone: their row of the same ranking,
-- or no row when they have not opted in. Both functions now read one ranking,
-- private.leaderboard(), so they can never disagree. get_leaderboard keeps its shape.

create or replace function private.leaderboard()
returns table (
  user_id uuid,
  rank bigint,
  display_name text,
  equity numeric,
  return_pct numeric,
  created_at timestamptz
)
language sql
stable
set search_path = ''
as $$
  with equity as (
    select
      p.id,
      p.display_name,
      p.created_at,
      p.starting_cash,
      p.cash + coalesce((
        select sum(round(pf.quantity * s.price, 4))
        from public.portfolios pf
        join public.stocks s on s.symbol = pf.symbol
        where pf.user_id = p.id and pf.is_open
      ), 0) as equity
    from public.profiles p
    where p.show_on_leaderboard
  )
  select
    e.id,
    rank() over (order by e.equity / e.starting_cash desc),
    e.display_name,
    round(e.equity, 4),
    round((e.equity - e.starting_cash) / e.starting_cash * 100, 4),
    e.created_at
  from equity e
$$;

comment on function private.leaderboard() is
  'Every opted-in trader ranked by total return of the current run; read by get_leaderboard and get_my_leaderboard_entry.';

create or replace function public.get_leaderboard(p_limit integer default 50)
returns table (rank bigint, display_name text, equity numeric, return_pct numeric)
language sql
stable
security definer
set search_path = ''
as $$
  select l.rank, l.display_name, l.equity, l.return_pct
  from private.leaderboard() l
  order by l.rank, l.created_at
  limit least(greatest(coalesce(p_limit, 50), 1), 500)
$$;

create or replace function public.get_my_leaderboard_entry()
returns table (rank bigint, display_name text, equity numeric, return_pct numeric)
language sql
stable
security definer
set search_path = ''
as $$
  select l.rank, l.display_name, l.equity, l.return_pct
  from private.leaderboard() l
  where l.user_id = (select auth.uid())
$$;

comment on function public.get_my_leaderboard_entry() is
  'The caller''s own leaderboard row (rank, display name, equity, return %), or no row when they have not opted in.';

revoke all on function private.leaderboard() from public, anon, authenticated;
revoke all on function public.get_my_leaderboard_entry() from public, anon;
grant execute on function public.get_my_leaderboard_entry() to authenticated;
