-- The trading engine (SPEC §3): place_order, cancel_order, reset_portfolio and their shared
-- fill and hold bookkeeping. Every function runs as its owner (security definer) with an empty
-- search_path, takes the user from auth.uid() only, and locks the user's profile row first
-- (then positions, then orders) before it reads anything it decides on, so concurrent calls
-- for one user serialise and market_tick (which locks profiles in id order) cannot deadlock
-- with them.
--
-- Rejections raise P0001 with a human message and a stable reason in `hint`; nothing is
-- written. Rules:
-- * quantities are rounded to 6 decimals, prices and money to 4; a notional order buys
--   trunc(notional / reference price, 6) shares, the reference being the current price for
--   market orders, the limit price for limit and stop-limit orders, the stop price for stops;
-- * a market order fills at once at the current price; every other order rests until a
--   market_tick() price crosses it (even when it is already marketable);
-- * holds: a resting buy reserves quantity * limit price (limit, stop-limit) or
--   quantity * max(stop, current price) * 1.05 (stop: it fills at whatever the market is,
--   so a 5% buffer), and a resting sell reserves its shares; buying power = cash - held_cash;
-- * an invalid time in force is rejected with reason `invalid_order_type` (it is part of
--   the order's type specification);
-- * fees are 0 (the ledger keeps the column).

create or replace function private.reject(p_message text, p_reason text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = p_message, hint = p_reason;
end
$$;

-- Fills one pending order at p_price. The caller holds the lock on the owner's profile row.
-- A market order that cannot be paid raises (nothing is written); a resting stop order whose
-- fill price gapped beyond its hold is marked rejected instead and its hold released.
create or replace function private.fill_order(p_order_id uuid, p_price numeric, p_now timestamptz)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_order public.orders;
  v_profile public.profiles;
  v_position public.portfolios;
  v_price numeric(20, 4) := round(p_price, 4);
  v_amount numeric(20, 4);
  v_held_quantity numeric(20, 6);
  v_pnl numeric(20, 4);
  v_cash_after numeric(20, 4);
begin
  select * into v_order from public.orders where id = p_order_id and status = 'pending' for update;
  if not found then
    return null;
  end if;
  select * into v_profile from public.profiles where id = v_order.user_id;
  v_amount := round(v_order.quantity * v_price, 4);

  if v_order.side = 'buy' then
    v_cash_after := v_profile.cash - v_amount;
    if v_cash_after < v_profile.held_cash - v_order.held_cash then
      if v_order.type = 'market' then
        perform private.reject(
          format('Not enough buying power: this order costs %s and you have %s available.',
            v_amount, v_profile.cash - v_profile.held_cash),
          'insufficient_funds');
      end if;
      update public.profiles set held_cash = held_cash - v_order.held_cash where id = v_order.user_id;
      update public.orders set status = 'rejected', reject_reason = 'insufficient_funds'
        where id = v_order.id returning * into v_order;
      return v_order;
    end if;
    insert into public.portfolios as p (user_id, symbol, quantity, average_cost)
    values (v_order.user_id, v_order.symbol, v_order.quantity, v_price)
    on conflict (user_id, symbol) do update set
      average_cost = round((p.quantity * p.average_cost + v_amount) / (p.quantity + excluded.quantity), 4),
      quantity = p.quantity + excluded.quantity;
    update public.profiles
      set cash = v_cash_after, held_cash = held_cash - v_order.held_cash
      where id = v_order.user_id;
  else
    v_held_quantity := case when v_order.type = 'market' then 0 else v_order.quantity end;
    select * into v_position from public.portfolios
      where user_id = v_order.user_id and symbol = v_order.symbol for update;
    if not found or v_position.quantity - v_position.held_quantity + v_held_quantity < v_order.quantity then
      perform private.reject(
        format('Not enough shares: you can sell %s %s.',
          coalesce(v_position.quantity - v_position.held_quantity, 0), v_order.symbol),
        'insufficient_shares');
    end if;
    v_pnl := v_amount - round(v_order.quantity * v_position.average_cost, 4);
    update public.portfolios set
      quantity = quantity - v_order.quantity,
      held_quantity = held_quantity - v_held_quantity,
      realized_pnl = realized_pnl + v_pnl,
      average_cost = case when quantity = v_order.quantity then 0 else average_cost end
      where user_id = v_order.user_id and symbol = v_order.symbol;
    v_cash_after := v_profile.cash + v_amount;
    update public.profiles set cash = v_cash_after where id = v_order.user_id;
  end if;

  insert into public.transactions
    (user_id, run, order_id, symbol, side, quantity, price, amount, fee, realized_pnl, cash_after, created_at)
  values
    (v_order.user_id, v_order.run, v_order.id, v_order.symbol, v_order.side, v_order.quantity,
     v_price, v_amount, 0, v_pnl, v_cash_after, p_now);
  update public.orders set
      status = 'filled', filled_price = v_price, filled_at = p_now,
      triggered_at = case when v_order.type = 'market' then null else coalesce(triggered_at, p_now) end
    where id = v_order.id
    returning * into v_order;
  return v_order;
end
$$;

-- Ends a pending order (cancelled or expired) and releases what it held. The caller holds
-- the lock on the owner's profile row.
create or replace function private.close_order(p_order_id uuid, p_status text)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_order public.orders;
begin
  update public.orders set status = p_status
    where id = p_order_id and status = 'pending'
    returning * into v_order;
  if not found then
    return null;
  end if;
  if v_order.side = 'buy' then
    update public.profiles set held_cash = held_cash - v_order.held_cash where id = v_order.user_id;
  else
    update public.portfolios set held_quantity = held_quantity - v_order.quantity
      where user_id = v_order.user_id and symbol = v_order.symbol;
  end if;
  return v_order;
end
$$;

create or replace function public.place_order(
  p_symbol text,
  p_side text,
  p_quantity numeric,
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
    perform private.reject(format('Unknown symbol %s.', coalesce(p_symbol, '(none)')), 'unknown_symbol');
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

  insert into public.orders (
    user_id, run, client_order_id, symbol, side, type, quantity, notional, limit_price, stop_price,
    time_in_force, status, trigger_price, trigger_above, held_cash
  ) values (
    v_uid, v_profile.current_run, p_client_order_id, v_stock.symbol, v_side, v_type, v_quantity,
    round(p_notional, 4), v_limit, v_stop, v_tif, 'pending',
    case v_type when 'market' then null when 'limit' then v_limit else v_stop end,
    case v_type when 'market' then null when 'limit' then v_side = 'sell' else v_side = 'buy' end,
    v_hold
  )
  returning * into v_order;

  if v_type = 'market' then
    return private.fill_order(v_order.id, v_stock.price, now());
  end if;
  if v_side = 'buy' then
    update public.profiles set held_cash = held_cash + v_hold where id = v_uid;
  else
    update public.portfolios set held_quantity = held_quantity + v_quantity
      where user_id = v_uid and symbol = v_stock.symbol;
  end if;
  return v_order;
end
$$;

create or replace function public.cancel_order(p_order_id uuid)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_order public.orders;
begin
  if v_uid is null then
    perform private.reject('You must be signed in to cancel an order.', 'not_authenticated');
  end if;
  perform 1 from public.profiles where id = v_uid for update;
  v_order := private.close_order(
    (select id from public.orders where id = p_order_id and user_id = v_uid),
    'cancelled');
  if v_order.id is null then
    perform private.reject('This order is not open: it was filled, cancelled or does not exist.', 'order_not_open');
  end if;
  return v_order;
end
$$;

create or replace function public.reset_portfolio()
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_profile public.profiles;
begin
  if v_uid is null then
    perform private.reject('You must be signed in to reset your portfolio.', 'not_authenticated');
  end if;
  select * into v_profile from public.profiles where id = v_uid for update;
  if not found then
    perform private.reject('You must be signed in to reset your portfolio.', 'not_authenticated');
  end if;
  update public.orders set status = 'cancelled' where user_id = v_uid and status = 'pending';
  delete from public.portfolios where user_id = v_uid;
  update public.profiles set
      cash = starting_cash,
      held_cash = 0,
      current_run = current_run + 1,
      run_started_at = now()
    where id = v_uid
    returning * into v_profile;
  return v_profile;
end
$$;

revoke all on function private.reject(text, text), private.fill_order(uuid, numeric, timestamptz),
  private.close_order(uuid, text) from public, anon, authenticated;
revoke all on function
  public.place_order(text, text, numeric, text, numeric, numeric, text, uuid, numeric),
  public.cancel_order(uuid),
  public.reset_portfolio()
  from public, anon;
grant execute on function
  public.place_order(text, text, numeric, text, numeric, numeric, text, uuid, numeric),
  public.cancel_order(uuid),
  public.reset_portfolio()
  to authenticated;
