-- Engine tuning, measured with bench/place-order-throughput.ts and bench/market-tick.ts:
-- * place_order writes a market order already filled, together with its ledger row, position
--   and cash, in one statement (was: insert pending, then fill and update, which also made
--   Postgres re-run the new row's foreign-key checks); a resting order and its hold likewise.
--   Behaviour is unchanged; private.fill_order still fills resting orders for market_tick.
-- * market_tick runs with jit off: its per-symbol index probes have large row estimates on
--   paper, which made the planner spend more time compiling (JIT) than the tick takes.
-- * "Unknown symbol" names the symbol, or says "(none)" for an empty one.

alter function public.market_tick(timestamptz) set jit = off;

create or replace function public.place_order(
  p_symbol text,
  p_side text,
  p_quantity numeric default null,
  p_type text default 'market',
  p_limit_price numeric default null,
  p_stop_price numeric default null,
  p_time_in_force text default 'gtc',
  p_client_order_id uuid default null,
  p_notional numeric default null
)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_profile public.profiles;
  v_stock public.stocks;
  v_position public.portfolios;
  v_order public.orders;
  v_side text := lower(btrim(p_side));
  v_type text := lower(btrim(coalesce(p_type, 'market')));
  v_tif text := lower(btrim(coalesce(p_time_in_force, 'gtc')));
  v_limit numeric(20, 4);
  v_stop numeric(20, 4);
  v_reference numeric;
  v_quantity numeric(20, 6);
  v_hold numeric(20, 4) := 0;
  v_amount numeric(20, 4);
  v_pnl numeric(20, 4);
  v_now timestamptz := now();
begin
  if v_uid is null then
    perform private.reject('You must be signed in to trade.', 'not_authenticated');
  end if;
  select * into v_profile from public.profiles where id = v_uid for update;
  if not found then
    perform private.reject('You must be signed in to trade.', 'not_authenticated');
  end if;

  -- idempotency: a retried submit returns the order the first attempt created
  if p_client_order_id is not null then
    select * into v_order from public.orders where user_id = v_uid and client_order_id = p_client_order_id;
    if found then
      return v_order;
    end if;
  end if;

  if v_side is null or v_side not in ('buy', 'sell') then
    perform private.reject('Side must be buy or sell.', 'invalid_side');
  end if;
  if v_type not in ('market', 'limit', 'stop', 'stop_limit') then
    perform private.reject('Order type must be market, limit, stop or stop_limit.', 'invalid_order_type');
  end if;
  if v_tif not in ('day', 'gtc') then
    perform private.reject('Time in force must be day or gtc.', 'invalid_order_type');
  end if;
  if (p_quantity is null) = (p_notional is null) then
    perform private.reject('Give either a number of shares or a dollar amount.', 'invalid_quantity');
  end if;
  -- the upper bounds also reject NaN and Infinity, which compare above every number
  if p_quantity is not null and (p_quantity <= 0 or p_quantity > 1000000000) then
    perform private.reject('Quantity must be a positive number of shares.', 'invalid_quantity');
  end if;
  if p_notional is not null and (p_notional <= 0 or p_notional > 1000000000000) then
    perform private.reject('The dollar amount must be positive.', 'invalid_quantity');
  end if;

  if v_type in ('limit', 'stop_limit') then
    if p_limit_price is null or p_limit_price <= 0 or p_limit_price > 1000000000 or round(p_limit_price, 4) = 0 then
      perform private.reject('A limit order needs a positive limit price.', 'invalid_price');
    end if;
    v_limit := round(p_limit_price, 4);
  elsif p_limit_price is not null then
    perform private.reject('Only limit and stop-limit orders take a limit price.', 'invalid_price');
  end if;
  if v_type in ('stop', 'stop_limit') then
    if p_stop_price is null or p_stop_price <= 0 or p_stop_price > 1000000000 or round(p_stop_price, 4) = 0 then
      perform private.reject('A stop order needs a positive stop price.', 'invalid_price');
    end if;
    v_stop := round(p_stop_price, 4);
  elsif p_stop_price is not null then
    perform private.reject('Only stop and stop-limit orders take a stop price.', 'invalid_price');
  end if;

  select * into v_stock from public.stocks where symbol = upper(btrim(p_symbol));
  if not found then
    perform private.reject(format('Unknown symbol %s.', coalesce(nullif(btrim(p_symbol), ''), '(none)')), 'unknown_symbol');
  end if;

  v_reference := case v_type
    when 'market' then v_stock.price
    when 'stop' then v_stop
    else v_limit
  end;
  if p_quantity is not null then
    v_quantity := round(p_quantity, 6);
  else
    v_quantity := trunc(round(p_notional, 4) / v_reference, 6);
  end if;
  if v_quantity <= 0 or round(v_quantity * v_reference, 4) = 0 then
    perform private.reject('The order is too small: it must be worth at least $0.0001.', 'invalid_quantity');
  end if;

  if v_side = 'buy' then
    if v_type = 'market' then
      if round(v_quantity * v_stock.price, 4) > v_profile.cash - v_profile.held_cash then
        perform private.reject(
          format('Not enough buying power: this order costs %s and you have %s available.',
            round(v_quantity * v_stock.price, 4), v_profile.cash - v_profile.held_cash),
          'insufficient_funds');
      end if;
    else
      v_hold := case v_type
        when 'stop' then round(v_quantity * greatest(v_stop, v_stock.price) * 1.05, 4)
        else round(v_quantity * v_limit, 4)
      end;
      if v_hold > v_profile.cash - v_profile.held_cash then
        perform private.reject(
          format('Not enough buying power: this order holds %s and you have %s available.',
            v_hold, v_profile.cash - v_profile.held_cash),
          'insufficient_funds');
      end if;
    end if;
  else
    select * into v_position from public.portfolios
      where user_id = v_uid and symbol = v_stock.symbol for update;
    if not found or v_position.quantity - v_position.held_quantity < v_quantity then
      perform private.reject(
        format('Not enough shares: you can sell %s %s.',
          coalesce(v_position.quantity - v_position.held_quantity, 0), v_stock.symbol),
        'insufficient_shares');
    end if;
  end if;

  if v_type = 'market' then
    -- born filled: the order, its ledger row, the position and the cash change in one
    -- statement (inserting it pending and then updating it would also re-run the foreign-key
    -- checks, which Postgres repeats for a row inserted earlier in the same transaction)
    v_amount := round(v_quantity * v_stock.price, 4);
    if v_side = 'buy' then
      with placed as (
        insert into public.orders (
          user_id, run, client_order_id, symbol, side, type, quantity, notional, time_in_force,
          status, filled_price, filled_at, created_at, updated_at
        ) values (
          v_uid, v_profile.current_run, p_client_order_id, v_stock.symbol, 'buy', 'market', v_quantity,
          round(p_notional, 4), v_tif, 'filled', v_stock.price, v_now, v_now, v_now
        )
        returning *
      ), position as (
        insert into public.portfolios as p (user_id, symbol, quantity, average_cost)
        values (v_uid, v_stock.symbol, v_quantity, v_stock.price)
        on conflict (user_id, symbol) do update set
          average_cost = round((p.quantity * p.average_cost + v_amount) / (p.quantity + excluded.quantity), 4),
          quantity = p.quantity + excluded.quantity
      ), paid as (
        update public.profiles set cash = cash - v_amount where id = v_uid returning cash
      ), ledger as (
        insert into public.transactions
          (user_id, run, order_id, symbol, side, quantity, price, amount, fee, cash_after, created_at)
        select v_uid, placed.run, placed.id, placed.symbol, 'buy', v_quantity, v_stock.price, v_amount, 0,
          paid.cash, v_now
        from placed, paid
      )
      select * into v_order from placed;
    else
      v_pnl := v_amount - round(v_quantity * v_position.average_cost, 4);
      with placed as (
        insert into public.orders (
          user_id, run, client_order_id, symbol, side, type, quantity, notional, time_in_force,
          status, filled_price, filled_at, created_at, updated_at
        ) values (
          v_uid, v_profile.current_run, p_client_order_id, v_stock.symbol, 'sell', 'market', v_quantity,
          round(p_notional, 4), v_tif, 'filled', v_stock.price, v_now, v_now, v_now
        )
        returning *
      ), position as (
        update public.portfolios set
          quantity = quantity - v_quantity,
          realized_pnl = realized_pnl + v_pnl,
          average_cost = case when quantity = v_quantity then 0 else average_cost end
        where user_id = v_uid and symbol = v_stock.symbol
      ), paid as (
        update public.profiles set cash = cash + v_amount where id = v_uid returning cash
      ), ledger as (
        insert into public.transactions
          (user_id, run, order_id, symbol, side, quantity, price, amount, fee, realized_pnl, cash_after, created_at)
        select v_uid, placed.run, placed.id, placed.symbol, 'sell', v_quantity, v_stock.price, v_amount, 0,
          v_pnl, paid.cash, v_now
        from placed, paid
      )
      select * into v_order from placed;
    end if;
    return v_order;
  end if;

  -- a resting order and its hold, in one statement
  with placed as (
    insert into public.orders (
      user_id, run, client_order_id, symbol, side, type, quantity, notional, limit_price, stop_price,
      time_in_force, status, trigger_price, trigger_above, held_cash
    ) values (
      v_uid, v_profile.current_run, p_client_order_id, v_stock.symbol, v_side, v_type, v_quantity,
      round(p_notional, 4), v_limit, v_stop, v_tif, 'pending',
      case v_type when 'limit' then v_limit else v_stop end,
      case v_type when 'limit' then v_side = 'sell' else v_side = 'buy' end,
      v_hold
    )
    returning *
  ), held_cash as (
    update public.profiles set held_cash = held_cash + v_hold where id = v_uid and v_side = 'buy'
  ), held_shares as (
    update public.portfolios set held_quantity = held_quantity + v_quantity
    where user_id = v_uid and symbol = v_stock.symbol and v_side = 'sell'
  )
  select * into v_order from placed;
  return v_order;
end
$$;
