-- Account-level functions (SPEC §3): the public leaderboard, "export my data" and
-- "delete my account". Security definer because the leaderboard aggregates other users'
-- rows (exposing only display names and numbers) and account deletion removes the auth user.

create or replace function public.get_leaderboard(p_limit integer default 50)
returns table (rank bigint, display_name text, equity numeric, return_pct numeric)
language sql
stable
security definer
set search_path = ''
as $$
  with equity as (
    select
      p.display_name,
      p.created_at,
      p.starting_cash,
      p.cash + coalesce((
        select sum(round(pf.quantity * s.price, 4))
        from public.portfolios pf
        join public.stocks s on s.symbol = pf.symbol
        where pf.user_id = p.id and pf.quantity > 0
      ), 0) as equity
    from public.profiles p
    where p.show_on_leaderboard
  )
  select
    rank() over (order by e.equity / e.starting_cash desc),
    e.display_name,
    round(e.equity, 4),
    round((e.equity - e.starting_cash) / e.starting_cash * 100, 4)
  from equity e
  order by e.equity / e.starting_cash desc, e.created_at
  limit least(greatest(coalesce(p_limit, 50), 1), 500)
$$;

create or replace function public.export_my_data()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null then
    raise exception using errcode = 'P0001', message = 'You must be signed in to export your data.',
      hint = 'not_authenticated';
  end if;
  return jsonb_build_object(
    'exported_at', now(),
    'profile', (select to_jsonb(p) from public.profiles p where p.id = v_uid),
    'portfolios', coalesce((select jsonb_agg(to_jsonb(x) order by x.symbol)
      from public.portfolios x where x.user_id = v_uid), '[]'::jsonb),
    'orders', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id)
      from public.orders x where x.user_id = v_uid), '[]'::jsonb),
    'transactions', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id)
      from public.transactions x where x.user_id = v_uid), '[]'::jsonb),
    'wishlists', coalesce((select jsonb_agg(to_jsonb(x) order by x.symbol)
      from public.wishlists x where x.user_id = v_uid), '[]'::jsonb)
  );
end
$$;

-- Deleting the auth user cascades to the profile and from there to every row of the user.
create or replace function public.delete_my_account()
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null then
    raise exception using errcode = 'P0001', message = 'You must be signed in to delete your account.',
      hint = 'not_authenticated';
  end if;
  -- same lock order as the trading functions: the profile first
  perform 1 from public.profiles where id = v_uid for update;
  delete from auth.users where id = v_uid;
end
$$;

revoke all on function public.get_leaderboard(integer), public.export_my_data(),
  public.delete_my_account() from public, anon;
grant execute on function public.get_leaderboard(integer), public.export_my_data(),
  public.delete_my_account() to authenticated;
