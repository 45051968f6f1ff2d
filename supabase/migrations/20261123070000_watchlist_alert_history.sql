-- Watchlist alerts keep a history, and each one can be dismissed.
-- * A watchlist row holds one triggered alert (alert_triggered_*): when both of a stock's alerts
--   fired while the user was away (up through one threshold, then down through the other), the
--   second overwrote the first, which was lost. Every alert that fires is now also recorded in
--   public.alert_events, by a trigger on the row, so market_tick itself is unchanged; the row's
--   triggered columns still carry the newest alert for the in-app notice.
-- * A fired alert stayed on the watchlist page until the user set a new threshold: there was no
--   way to say "seen". public.dismiss_alert marks one event dismissed. Clients cannot write
--   alert_events (they could otherwise forge an alert at any price): they read their own rows.

create table public.alert_events (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  symbol text not null references public.stocks (symbol) on delete cascade,
  direction text not null check (direction in ('above', 'below')),
  price numeric(20, 4) not null check (price > 0),
  triggered_at timestamptz not null,
  dismissed_at timestamptz
);
comment on table public.alert_events is
  'Every watchlist alert that fired (written by a trigger on wishlists); dismissed by the user through dismiss_alert.';
-- the watchlist page lists the user's alerts not yet dismissed, newest first
create index alert_events_open_idx on public.alert_events (user_id, triggered_at desc)
  where dismissed_at is null;
-- the profile cascade (deleting an account) finds a user's events through it too
create index alert_events_user_idx on public.alert_events (user_id);

alter table public.alert_events enable row level security;
create policy "Users can read their own alerts" on public.alert_events
  for select to authenticated using (user_id = (select auth.uid()));
-- start from nothing (Supabase's default privileges grant new tables to anon and authenticated)
revoke all on public.alert_events from public, anon, authenticated;
grant select on public.alert_events to authenticated;
grant all on public.alert_events to service_role;

-- Alerts that had already fired when this ran: their last trigger is all there is.
insert into public.alert_events (user_id, symbol, direction, price, triggered_at)
select user_id, symbol, alert_triggered_direction, alert_triggered_price, alert_triggered_at
from public.wishlists
where alert_triggered_at is not null;

create function private.record_alert_event()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  insert into public.alert_events (user_id, symbol, direction, price, triggered_at)
  values (new.user_id, new.symbol, new.alert_triggered_direction, new.alert_triggered_price,
    new.alert_triggered_at);
  return null;
end
$$;

revoke all on function private.record_alert_event() from public, anon, authenticated;

-- Only market_tick (as the table owner) sets alert_triggered_at; clients have no grant on it.
create trigger wishlists_record_alert_event after update of alert_triggered_at on public.wishlists
  for each row
  when (new.alert_triggered_at is not null
    and new.alert_triggered_at is distinct from old.alert_triggered_at)
  execute function private.record_alert_event();

create function public.dismiss_alert(p_id bigint)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null then
    perform private.reject('You must be signed in to dismiss an alert.', 'not_authenticated');
  end if;
  -- dismissing twice, or an alert that is not the caller's, changes nothing
  update public.alert_events set dismissed_at = now()
  where id = p_id and user_id = v_uid and dismissed_at is null;
end
$$;

comment on function public.dismiss_alert(bigint) is
  'Marks one of the caller''s fired watchlist alerts as seen; the watchlist''s thresholds are unchanged.';

revoke all on function public.dismiss_alert(bigint) from public, anon;
grant execute on function public.dismiss_alert(bigint) to authenticated;

-- The export covers the alert history too.
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
      from public.wishlists x where x.user_id = v_uid), '[]'::jsonb),
    'alert_events', coalesce((select jsonb_agg(to_jsonb(x) order by x.triggered_at, x.id)
      from public.alert_events x where x.user_id = v_uid), '[]'::jsonb)
  );
end
$$;
