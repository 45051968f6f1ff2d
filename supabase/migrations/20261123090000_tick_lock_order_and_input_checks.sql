-- From a review of the database under concurrency and odd input:
-- * market_tick's watchlist alerts locked each crossed watchlist row and only then, through the
--   alert history's foreign key, its owner's profile: the opposite order to delete_my_account
--   (profile, then the cascade to the watchlist), so a deletion and a tick could deadlock. And a
--   client updating several of its watchlist rows at once (one PATCH) could deadlock with the
--   tick, which then lost that second's prices, fills and broadcast. The tick now locks the
--   owners' profiles first and skips watchlist rows a client holds.
-- * The alert check read every watchlist row on every tick (the thresholds' indexes went
--   unused behind an OR): it is now two index range scans per stock, like the order search.
-- * A `day` order placed just before midnight whose transaction committed after the day's
--   roll-over was missed by it and stayed live through the next day. Each tick now expires any
--   day order of an earlier day it finds (an empty scan of a new partial index on most ticks).
-- * Rejections quoted holds of $1e18 and more as "$###,###...": money_text has room now.
-- * Watchlist rows: thresholds that cannot both be pending (alert_above <= alert_below, which
--   fired at once) are refused, and a row's symbol and owner cannot be changed by an update
--   (the upsert grant allowed it, and left the old stock's alert state on the row).
-- * A fired alert told the user what the price did ("rose above your target, now $245.00")
--   but not the target, which the tick clears from the row: the row and the alert history now
--   keep it (wishlists.alert_triggered_threshold, alert_events.threshold).
-- * Display names must show something: a name of only spaces, zero-width or other invisible
--   characters, or with control characters, is refused, as the app's form already refuses it.
--   A new user's name from their metadata falls back to the default when it shows nothing,
--   rather than failing the sign-up.

-- the target of an alert that fired, beside its direction and price
alter table public.wishlists add column alert_triggered_threshold numeric(20, 4);
comment on column public.wishlists.alert_triggered_threshold is
  'The threshold (alert_above or alert_below) that the newest alert crossed; set by market_tick.';
alter table public.alert_events add column threshold numeric(20, 4);
comment on column public.alert_events.threshold is
  'The threshold the price crossed; null for alerts recorded before it was kept.';

-- `day` orders still pending from an earlier day: market_tick looks for them on every tick
create index orders_day_pending_idx on public.orders (created_at)
  where status = 'pending' and time_in_force = 'day';

create or replace function public.market_tick(p_now timestamptz default now())
returns jsonb
language plpgsql
security definer
set search_path = ''
set jit = off
as $$
declare
  v_state public.market_state;
  v_day date := (p_now at time zone 'utc')::date;
  v_day_start timestamptz := (p_now at time zone 'utc')::date::timestamp at time zone 'utc';
  v_real_seconds double precision;
  v_seconds double precision;
  v_dt double precision;
  v_expired integer := 0;
  v_filled integer := 0;
  v_rejected integer := 0;
  v_triggered integer := 0;
  v_alerts integer := 0;
  v_ids uuid[];
  v_users uuid[];
  v_id uuid;
  v_order public.orders;
  v_price numeric(20, 4);
  v_payload jsonb;
begin
  -- one tick at a time; also orders ticks before any profile lock (see place_order)
  select * into v_state from public.market_state where id for update;

  if v_day > v_state.trading_day then
    v_expired := private.roll_trading_day(v_state.trading_day, v_day, p_now);
  end if;

  -- `day` orders of an earlier day that the roll did not see: one placed just before midnight
  -- whose transaction committed after the roll. On most ticks an empty index scan.
  select coalesce(array_agg(o.id order by o.user_id, o.created_at, o.id), '{}') into v_ids
    from public.orders o
    where o.status = 'pending' and o.time_in_force = 'day' and o.created_at < v_day_start;
  if cardinality(v_ids) > 0 then
    perform 1 from public.profiles
      where id in (select o.user_id from public.orders o where o.id = any (v_ids))
      order by id
      for update;
    foreach v_id in array v_ids loop
      if (private.close_order(v_id, 'expired')).id is not null then
        v_expired := v_expired + 1;
      end if;
    end loop;
  end if;

  v_real_seconds := least(greatest(coalesce(extract(epoch from p_now - v_state.last_tick_at), 1), 0), 60);
  v_seconds := v_real_seconds * v_state.speed;
  v_dt := v_seconds / 31557600.0;

  with step as (
    select
      s.symbol,
      greatest(round((s.price * exp(
        (s.drift - s.volatility * s.volatility / 2)::double precision * v_dt
        + s.volatility::double precision * sqrt(v_dt)
          * private.normal(v_state.seed, s.symbol || ':' || v_state.tick_count)
      ))::numeric, 4), 0.0001) as price,
      floor(s.average_volume * v_real_seconds * sign(v_state.speed) / 86400.0
        * (0.5 + private.uniform(v_state.seed, s.symbol || ':' || v_state.tick_count || ':v')))::bigint as volume
    from public.stocks s
  ), moved as (
    update public.stocks s set
      price = step.price,
      day_high = greatest(s.day_high, step.price),
      day_low = least(s.day_low, step.price),
      volume = s.volume + step.volume,
      updated_at = p_now
    from step
    where s.symbol = step.symbol
    returning s.symbol, s.price, step.volume
  )
  insert into public.price_candles as c (symbol, "interval", bucket, open, high, low, close, volume)
  select m.symbol, '1m', date_trunc('minute', p_now), m.price, m.price, m.price, m.price, m.volume
  from moved m
  on conflict (symbol, "interval", bucket) do update set
    high = greatest(c.high, excluded.high),
    low = least(c.low, excluded.low),
    close = excluded.close,
    volume = c.volume + excluded.volume;

  -- resting orders the new prices cross: two index range scans per symbol
  select coalesce(array_agg(t.id order by t.user_id, t.created_at, t.id), '{}') into v_ids
  from public.stocks s
  cross join lateral (
    select o.id, o.user_id, o.created_at from public.orders o
    where o.status = 'pending' and o.symbol = s.symbol
      and o.trigger_above = true and o.trigger_price <= s.price
    union all
    select o.id, o.user_id, o.created_at from public.orders o
    where o.status = 'pending' and o.symbol = s.symbol
      and o.trigger_above = false and o.trigger_price >= s.price
  ) t;

  if cardinality(v_ids) > 0 then
    perform 1 from public.profiles
      where id in (select o.user_id from public.orders o where o.id = any (v_ids))
      order by id
      for update;
    foreach v_id in array v_ids loop
      select * into v_order from public.orders where id = v_id and status = 'pending' for update;
      continue when not found;
      select s.price into v_price from public.stocks s where s.symbol = v_order.symbol;
      if v_order.type = 'stop_limit' and v_order.triggered_at is null then
        -- the stop is reached: from now on it is a limit order
        update public.orders set
            triggered_at = p_now, trigger_price = limit_price, trigger_above = (side = 'sell')
          where id = v_id
          returning * into v_order;
        v_triggered := v_triggered + 1;
        continue when (v_order.side = 'buy' and v_price > v_order.limit_price)
          or (v_order.side = 'sell' and v_price < v_order.limit_price);
      end if;
      begin
        v_order := private.fill_order(
          v_id,
          case
            when v_order.type = 'stop' then v_price
            when v_order.side = 'buy' then least(v_price, v_order.limit_price)
            else greatest(v_price, v_order.limit_price)
          end,
          p_now);
      exception when sqlstate 'P0001' then
        -- a resting order that can no longer be honoured ends rejected, never aborts the tick
        v_order := private.close_order(v_id, 'rejected');
        update public.orders set reject_reason = 'insufficient_shares' where id = v_id;
        v_order.status := 'rejected';
      end;
      if v_order.status = 'filled' then
        v_filled := v_filled + 1;
      else
        v_rejected := v_rejected + 1;
      end if;
    end loop;
  end if;

  -- watchlist alerts the new prices cross: two index range scans per symbol, as for orders
  select coalesce(array_agg(distinct a.user_id), '{}') into v_users
  from public.stocks s
  cross join lateral (
    select w.user_id from public.wishlists w
    where w.symbol = s.symbol and w.alert_above <= s.price
    union all
    select w.user_id from public.wishlists w
    where w.symbol = s.symbol and w.alert_below >= s.price
  ) a;

  if cardinality(v_users) > 0 then
    -- The owners' profiles first, in id order, as the fills above lock them and as
    -- delete_my_account locks its own before the cascade reaches the watchlist: the alert's
    -- history row references the profile, so taking the watchlist row first could deadlock with
    -- a deletion. Then the rows, skipping any a client is updating at this moment (the alert
    -- fires on the next tick if the price is still across): a tick never waits for a client's
    -- watchlist edit, nor deadlocks with one that updates several rows.
    perform 1 from public.profiles where id = any (v_users) order by id for key share;
    with crossed as (
      select w.user_id, w.symbol, s.price
      from public.wishlists w
      join public.stocks s on s.symbol = w.symbol
      where w.user_id = any (v_users)
        and (w.alert_above <= s.price or w.alert_below >= s.price)
      order by w.user_id, w.symbol
      for update of w skip locked
    ), hit as (
      update public.wishlists w set
        alert_triggered_at = p_now,
        alert_triggered_price = c.price,
        alert_triggered_direction = case when w.alert_above <= c.price then 'above' else 'below' end,
        alert_triggered_threshold = case when w.alert_above <= c.price then w.alert_above else w.alert_below end,
        alert_above = case when w.alert_above <= c.price then null else w.alert_above end,
        alert_below = case when w.alert_above <= c.price then w.alert_below else null end
      from crossed c
      where w.user_id = c.user_id and w.symbol = c.symbol
      returning 1
    )
    select count(*) into v_alerts from hit;
  end if;

  update public.market_state set
    tick_count = tick_count + 1,
    last_tick_at = p_now,
    trading_day = greatest(trading_day, v_day)
    where id;

  select jsonb_build_object(
    'ts', p_now,
    'quotes', coalesce(jsonb_agg(jsonb_build_object(
      'symbol', s.symbol, 'price', s.price, 'previous_close', s.previous_close,
      'day_high', s.day_high, 'day_low', s.day_low, 'volume', s.volume) order by s.symbol), '[]'::jsonb))
    into v_payload
  from public.stocks s;
  perform realtime.send(v_payload, 'tick', 'market', false);

  return jsonb_build_object(
    'ts', p_now, 'tick', v_state.tick_count + 1, 'stocks', jsonb_array_length(v_payload -> 'quotes'),
    'filled', v_filled, 'rejected', v_rejected, 'triggered', v_triggered,
    'expired', v_expired, 'alerts', v_alerts);
end
$$;

create or replace function private.money_text(p_amount numeric)
returns text
language sql
immutable
set search_path = ''
as $$
  select '$' || to_char(round(p_amount, 2), 'FM999,999,999,999,999,999,999,999,990.00')
$$;

-- watchlist thresholds ------------------------------------------------------------------

update public.wishlists set alert_below = null where alert_above <= alert_below;
alter table public.wishlists add constraint wishlists_alert_range_check
  check (alert_above is null or alert_below is null or alert_above > alert_below);

create function private.keep_wishlist_key()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.user_id is distinct from old.user_id or new.symbol is distinct from old.symbol then
    raise exception 'A watchlist entry cannot move to another stock or user: remove it and add the other stock.'
      using errcode = '42501';
  end if;
  return new;
end
$$;

revoke all on function private.keep_wishlist_key() from public, anon, authenticated;

-- an upsert sets the key to the values it already has, which passes
create trigger wishlists_keep_key before update of user_id, symbol on public.wishlists
  for each row execute function private.keep_wishlist_key();

-- display names -------------------------------------------------------------------------

-- A name as a profile can hold it: control characters turned into spaces, at most 60
-- characters, trimmed, and null when nothing in it is visible (only spaces, zero-width or other
-- format characters).
create function private.profile_name(p_name text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when v ~ '[^[:space:]\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]'
      then v
  end
  from (
    select btrim(left(btrim(regexp_replace(p_name, '[\u0001-\u001f\u007f-\u009f]', ' ', 'g')), 60)) as v
  ) as name
$$;

revoke all on function private.profile_name(text) from public, anon, authenticated;

update public.profiles set display_name = coalesce(
    private.profile_name(display_name), 'Trader ' || left(replace(id::text, '-', ''), 4))
  where display_name is distinct from private.profile_name(display_name);
-- profile_name's rule, spelled out: a check cannot call it, as clients have no grant on private
alter table public.profiles add constraint profiles_display_name_visible_check
  check (display_name ~ '[^[:space:]\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]'
    and display_name !~ '[\u0001-\u001f\u007f-\u009f]');

create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_name text;
  v_picture text := coalesce(nullif(v_meta ->> 'avatar_url', ''), nullif(v_meta ->> 'picture', ''));
begin
  v_name := coalesce(
    private.profile_name(v_meta ->> 'full_name'),
    private.profile_name(v_meta ->> 'name'),
    private.profile_name(v_meta ->> 'display_name'),
    case when coalesce(new.is_anonymous, false) then null
      else private.profile_name(split_part(new.email, '@', 1)) end,
    'Guest ' || left(replace(new.id::text, '-', ''), 4)
  );
  insert into public.profiles (id, display_name, avatar_url, cash, starting_cash)
  values (
    new.id,
    v_name,
    case when char_length(v_picture) <= 2048 then v_picture end,
    100000,
    100000
  )
  on conflict (id) do nothing;
  return new;
end
$$;

create or replace function private.adopt_linked_identity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_data jsonb := coalesce(new.identity_data, '{}'::jsonb);
  v_name text := coalesce(
    private.profile_name(v_data ->> 'full_name'),
    private.profile_name(v_data ->> 'name')
  );
  v_picture text := coalesce(nullif(v_data ->> 'avatar_url', ''), nullif(v_data ->> 'picture', ''));
  v_profile public.profiles;
  v_adopt_name boolean;
begin
  if char_length(v_picture) > 2048 then
    v_picture := null;
  end if;
  select * into v_profile from public.profiles where id = new.user_id for update;
  if not found then
    return new;
  end if;
  v_adopt_name := v_name is not null and not v_profile.show_on_leaderboard
    and v_profile.display_name = 'Guest ' || left(replace(v_profile.id::text, '-', ''), 4);
  if v_adopt_name or (v_profile.avatar_url is null and v_picture is not null) then
    update public.profiles set
      display_name = case when v_adopt_name then v_name else display_name end,
      avatar_url = coalesce(avatar_url, v_picture)
    where id = new.user_id;
  end if;
  return new;
end
$$;

-- alert targets -------------------------------------------------------------------------

create or replace function private.record_alert_event()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  insert into public.alert_events (user_id, symbol, direction, price, threshold, triggered_at)
  values (new.user_id, new.symbol, new.alert_triggered_direction, new.alert_triggered_price,
    new.alert_triggered_threshold, new.alert_triggered_at);
  return null;
end
$$;

-- A new threshold re-arms the alert: the triggered columns, the target now with them, are
-- cleared (as before, a change of the triggered columns themselves passes through untouched).
create or replace function private.rearm_wishlist_alert()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  if new.alert_triggered_at is not distinct from old.alert_triggered_at
    and (new.alert_above is distinct from old.alert_above or new.alert_below is distinct from old.alert_below) then
    new.alert_triggered_at := null;
    new.alert_triggered_price := null;
    new.alert_triggered_direction := null;
    new.alert_triggered_threshold := null;
  end if;
  return new;
end
$$;
