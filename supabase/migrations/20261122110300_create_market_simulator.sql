-- The market simulator (SPEC §2): market_tick() moves every stock one geometric Brownian
-- motion step, keeps day stats and 1-minute candles, fills the resting orders the new price
-- crossed, fires watchlist alerts, rolls the UTC trading day, and publishes one Realtime
-- broadcast per tick. service_role only (pg_cron on hosted Supabase, the local stack's clock).
--
-- Determinism: the normal draws come from a counter-based generator, a hash of
-- (market_state.seed, tick number, symbol), so a tick is a pure function of the state; tests
-- set the seed and pass p_now. Simulated time runs at market_state.speed times real time,
-- and one step covers the real time since the previous tick (at most 60 s).
--
-- Cost: one set-based update of the stocks and their candles, then a per-symbol index range
-- scan of orders_resting_idx from the new price, so fills cost what is triggered, not what
-- rests. Day roll and candle retention run once per UTC day, not per tick.

-- Uniform draw in (0, 1) from a 64-bit hash: the same (seed, key) always gives the same value.
-- uniform and normal carry no `set search_path` on purpose: a SET clause stops the planner
-- from inlining a SQL function, and they run per stock per tick. They are invoker-rights,
-- immutable and name pg_catalog explicitly, so the caller's search_path cannot change them.
create or replace function private.uniform(p_seed bigint, p_key text)
returns double precision
language sql
immutable
parallel safe
as $$
  select ((pg_catalog.hashtextextended(p_key, p_seed)::pg_catalog.numeric + 9223372036854775808.5)
    / 18446744073709551616.0)::double precision
$$;

-- Standard normal draw (Box-Muller) from two uniforms keyed by p_key.
create or replace function private.normal(p_seed bigint, p_key text)
returns double precision
language sql
immutable
parallel safe
as $$
  select pg_catalog.sqrt(-2 * pg_catalog.ln(private.uniform(p_seed, p_key operator(pg_catalog.||) ':u1')))
    * pg_catalog.cos(2 * pg_catalog.pi() * private.uniform(p_seed, p_key operator(pg_catalog.||) ':u2'))
$$;

-- Starts the UTC day p_new_day: writes the ended day's daily candle from the day stats,
-- resets the day stats, expires `day` orders placed before the new day (releasing their
-- holds) and rolls 1-minute candles older than 7 days into daily candles.
create or replace function private.roll_trading_day(p_old_day date, p_new_day date, p_now timestamptz)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_start timestamptz := p_new_day::timestamp at time zone 'utc';
  v_order_id uuid;
  v_expired integer := 0;
begin
  insert into public.price_candles as c (symbol, "interval", bucket, open, high, low, close, volume)
  select s.symbol, '1d', p_old_day::timestamp at time zone 'utc', s.day_open,
    greatest(s.day_high, s.day_open, s.price), least(s.day_low, s.day_open, s.price), s.price, s.volume
  from public.stocks s
  on conflict (symbol, "interval", bucket) do update set
    open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
    volume = excluded.volume;

  update public.stocks set
    previous_close = price, day_open = price, day_high = price, day_low = price, volume = 0;

  perform 1 from public.profiles
    where id in (
      select o.user_id from public.orders o
      where o.status = 'pending' and o.time_in_force = 'day' and o.created_at < v_start
    )
    order by id
    for update;
  for v_order_id in
    select o.id from public.orders o
    where o.status = 'pending' and o.time_in_force = 'day' and o.created_at < v_start
    order by o.user_id, o.created_at
  loop
    perform private.close_order(v_order_id, 'expired');
    v_expired := v_expired + 1;
  end loop;

  insert into public.price_candles (symbol, "interval", bucket, open, high, low, close, volume)
  select c.symbol, '1d', date_trunc('day', c.bucket, 'UTC'),
    (array_agg(c.open order by c.bucket))[1], max(c.high), min(c.low),
    (array_agg(c.close order by c.bucket desc))[1], sum(c.volume)
  from public.price_candles c
  where c."interval" = '1m' and c.bucket < p_now - interval '7 days'
  group by c.symbol, date_trunc('day', c.bucket, 'UTC')
  on conflict (symbol, "interval", bucket) do nothing;
  delete from public.price_candles
    where "interval" = '1m' and bucket < p_now - interval '7 days';

  return v_expired;
end
$$;

create or replace function public.market_tick(p_now timestamptz default now())
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_state public.market_state;
  v_day date := (p_now at time zone 'utc')::date;
  v_seconds double precision;
  v_dt double precision;
  v_expired integer := 0;
  v_filled integer := 0;
  v_rejected integer := 0;
  v_triggered integer := 0;
  v_alerts integer := 0;
  v_ids uuid[];
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

  v_seconds := least(greatest(coalesce(extract(epoch from p_now - v_state.last_tick_at), 1), 0), 60)
    * v_state.speed;
  v_dt := v_seconds / 31557600.0;

  with step as (
    select
      s.symbol,
      greatest(round((s.price * exp(
        (s.drift - s.volatility * s.volatility / 2)::double precision * v_dt
        + s.volatility::double precision * sqrt(v_dt)
          * private.normal(v_state.seed, s.symbol || ':' || v_state.tick_count)
      ))::numeric, 4), 0.0001) as price,
      floor(s.average_volume * v_seconds / 86400.0
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

  with hit as (
    update public.wishlists w set
      alert_triggered_at = p_now,
      alert_triggered_price = s.price,
      alert_triggered_direction = case when w.alert_above is not null and s.price >= w.alert_above
        then 'above' else 'below' end,
      alert_above = case when w.alert_above is not null and s.price >= w.alert_above
        then null else w.alert_above end,
      alert_below = case when w.alert_above is not null and s.price >= w.alert_above
        then w.alert_below else null end
    from public.stocks s
    where s.symbol = w.symbol
      and ((w.alert_above is not null and s.price >= w.alert_above)
        or (w.alert_below is not null and s.price <= w.alert_below))
    returning 1
  )
  select count(*) into v_alerts from hit;

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

-- Test and operator hook: put a stock at an exact price (the next tick fills what it crosses).
create or replace function public.set_stock_price(p_symbol text, p_price numeric)
returns public.stocks
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_stock public.stocks;
begin
  if p_price is null or p_price <= 0 or p_price > 1000000000 or round(p_price, 4) = 0 then
    raise exception using errcode = 'P0001', message = 'The price must be positive.', hint = 'invalid_price';
  end if;
  perform 1 from public.market_state where id for update;
  update public.stocks set
      price = round(p_price, 4),
      day_high = greatest(day_high, round(p_price, 4)),
      day_low = least(day_low, round(p_price, 4)),
      updated_at = now()
    where symbol = upper(btrim(p_symbol))
    returning * into v_stock;
  if not found then
    raise exception using errcode = 'P0001', message = format('Unknown symbol %s.', p_symbol),
      hint = 'unknown_symbol';
  end if;
  return v_stock;
end
$$;

revoke all on function private.uniform(bigint, text), private.normal(bigint, text),
  private.roll_trading_day(date, date, timestamptz) from public, anon, authenticated;
revoke all on function public.market_tick(timestamptz), public.set_stock_price(text, numeric)
  from public, anon, authenticated;
grant execute on function public.market_tick(timestamptz), public.set_stock_price(text, numeric)
  to service_role;
