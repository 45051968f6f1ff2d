-- Simulated volume follows real time, not simulated time.
-- Since 20261122115000 the simulator runs prices at 5.35x real time (each real second moves
-- like a trading-hours second). Volume used the same simulated seconds, so a stock traded
-- 5.35x its average_volume per calendar day: the live minute bars came out 5.35x taller than
-- the seeded ones (average_volume / 1440 a minute), and the day's volume ran far ahead of the
-- "Avg. volume" the stock page shows next to it. A tick now adds average_volume * real
-- seconds / 86400 (times the same 0.5-1.5 noise), so a day trades about its average volume,
-- as the seeded candles do; a frozen market (speed 0, tests) still trades nothing.
-- Only the volume line changes; jit stays off (20261122112000).

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
  v_real_seconds double precision;
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
