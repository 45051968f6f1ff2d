-- Order input limits, idempotency and exact realized P&L (findings of a database audit):
-- * An order too large for the engine's columns was refused with a raw "numeric field
--   overflow" (SQLSTATE 22003, no reason) instead of a rejection: a 1e9-share limit buy at
--   $1e9 overflowed its hold (numeric(20,4)) before the buying-power check, and a $1e12 order
--   at $0.0001 its quantity (numeric(20,6)). The quantity and the hold are now computed as plain
--   numeric; a quantity above 1,000,000,000 shares (the bound p_quantity already had) is
--   rejected as invalid_quantity, and a hold above the buying power as insufficient_funds, as
--   any other. What reaches a column now always fits it.
-- * A retry with a client_order_id already used returned the first order whatever the new
--   call asked for: a different symbol, side, amount or price (or invalid arguments) got the
--   old order back and a 200, as if placed. The key is now looked up after the arguments are
--   checked, and an order that differs from the request in symbol, side, type, time in force
--   (but for a market order), quantity or dollar amount, limit or stop price is refused: P0001, reason
--   client_order_id_reused. An identical retry still returns the first order, before the
--   buying-power checks (which the first order's own fill would now fail).
-- * Watchlist alerts: NaN passed `> 0` (NaN compares above every number) and then fired a
--   "below" alert on the next tick; the thresholds are now also bounded above by 1e9, as the
--   app's alert form and place_order's prices are, which NaN is not.
-- * Realized P&L was measured against the average cost rounded to 4 decimals, so it drifted
--   from what the trades made: 10 shares at $200 and 5 at $210 (average $203.3333...) sold at
--   $210 booked $100.0005, and 3,000 at $10.0001 plus 6,000 at $10.0002 sold at $10.0002 booked
--   $0 where the ledger shows +$0.30. A position now keeps its cost basis (what its open shares
--   cost, to the cent's hundredth, like every amount), `portfolios.cost_basis`: a buy adds its
--   amount, a sale removes its share of the basis (all of it when the position closes) and books
--   the rest of the proceeds as realized P&L, so the P&L of a closed position is exactly
--   proceeds minus cost. average_cost is the basis over the quantity, rounded, for display.
-- * Rejection messages read as the app shows money and shares: "this order costs $100,035.90
--   and you have $100,000.00 available" (was "100035.9026 ... 100000.0000"), "you can sell 27
--   KO" (was "27.000000 KO").
-- Rules and the other messages and reasons are unchanged.

update public.wishlists set alert_above = null where alert_above = 'NaN' or alert_above > 1000000000;
update public.wishlists set alert_below = null where alert_below = 'NaN' or alert_below > 1000000000;
alter table public.wishlists
  drop constraint wishlists_alert_above_check,
  drop constraint wishlists_alert_below_check,
  add constraint wishlists_alert_above_check
    check (alert_above is null or (alert_above > 0 and alert_above <= 1000000000)),
  add constraint wishlists_alert_below_check
    check (alert_below is null or (alert_below > 0 and alert_below <= 1000000000));

alter table public.portfolios
  add column cost_basis numeric(20, 4) not null default 0 check (cost_basis >= 0);
comment on column public.portfolios.cost_basis is
  'What the open shares cost: buys add their amount, a sale removes its share (all at a close). average_cost is cost_basis / quantity, rounded.';
-- Open positions start from what their rounded average says (the best there is).
update public.portfolios set cost_basis = round(quantity * average_cost, 4) where quantity > 0;


-- Money in a rejection message as the app shows it: dollars and cents, grouped by thousands.
create function private.money_text(p_amount numeric)
returns text
language sql
immutable
set search_path = ''
as $$
  select '$' || to_char(round(p_amount, 2), 'FM999,999,999,999,999,990.00')
$$;
revoke all on function private.money_text(numeric) from public, anon, authenticated;

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
  v_cash numeric(20, 4);
  v_held_cash numeric(20, 4);
  v_run integer;
  v_symbol text;
  v_price numeric(20, 4);
  v_key text := upper(btrim(p_symbol));
  v_has_position boolean := false;
  v_position_quantity numeric(20, 6);
  v_position_held numeric(20, 6);
  v_position_basis numeric(20, 4);
  v_cost numeric(20, 4);
  v_order public.orders;
  v_side text := lower(btrim(p_side));
  v_type text := lower(btrim(coalesce(p_type, 'market')));
  v_tif text := lower(btrim(coalesce(p_time_in_force, 'gtc')));
  v_limit numeric(20, 4);
  v_stop numeric(20, 4);
  v_reference numeric;
  -- plain numeric: an order too large for the columns is refused by the checks below, before
  -- anything is assigned to a column
  v_quantity numeric;
  v_hold numeric := 0;
  v_amount numeric(20, 4);
  v_pnl numeric(20, 4);
  v_now timestamptz := now();
begin
  if v_uid is null then
    perform private.reject('You must be signed in to trade.', 'not_authenticated');
  end if;
  -- a sell: the caller's profile and position, locked in that order, and the stock in one
  -- statement; without a position, the reads below
  if v_side = 'sell' then
    select p.cash, p.held_cash, p.current_run, s.symbol, s.price, pf.quantity, pf.held_quantity,
        pf.cost_basis
      into v_cash, v_held_cash, v_run, v_symbol, v_price, v_position_quantity, v_position_held,
        v_position_basis
      from public.profiles p
      join public.stocks s on s.symbol = v_key
      join public.portfolios pf on pf.user_id = p.id and pf.symbol = s.symbol
      where p.id = v_uid
      for update of p, pf;
    v_has_position := found;
  end if;
  -- the caller's profile, locked, and the stock in the same statement (the stock is only
  -- reported as unknown after the arguments are checked, as before)
  if not v_has_position then
    select p.cash, p.held_cash, p.current_run, s.symbol, s.price
      into v_cash, v_held_cash, v_run, v_symbol, v_price
      from public.profiles p
      left join public.stocks s on s.symbol = v_key
      where p.id = v_uid
      for update of p;
    if not found then
      perform private.reject('You must be signed in to trade.', 'not_authenticated');
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

  if v_symbol is null then
    perform private.reject(format('Unknown symbol %s.', coalesce(nullif(btrim(p_symbol), ''), '(none)')), 'unknown_symbol');
  end if;

  -- idempotency: a retried submit returns the order the first attempt created, whatever has
  -- happened since (its fill may have used the buying power this call would check); a key
  -- already used for a different order is refused
  if p_client_order_id is not null then
    select * into v_order from public.orders where user_id = v_uid and client_order_id = p_client_order_id;
    if found then
      if v_order.symbol <> v_symbol or v_order.side <> v_side or v_order.type <> v_type
          -- a market order fills at once: its time in force means nothing
          or (v_type <> 'market' and v_order.time_in_force <> v_tif)
          or v_order.limit_price is distinct from v_limit
          or v_order.stop_price is distinct from v_stop
          or (case when p_quantity is not null
            then v_order.notional is not null or v_order.quantity <> round(p_quantity, 6)
            else v_order.notional is distinct from round(p_notional, 4) end) then
        perform private.reject(
          'This order key (client_order_id) was already used for a different order.',
          'client_order_id_reused');
      end if;
      return v_order;
    end if;
  end if;

  v_reference := case v_type
    when 'market' then v_price
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
  if v_quantity > 1000000000 then
    perform private.reject('The order is too large: it can be for at most 1,000,000,000 shares.', 'invalid_quantity');
  end if;

  if v_side = 'buy' then
    if v_type = 'market' then
      if round(v_quantity * v_price, 4) > v_cash - v_held_cash then
        perform private.reject(
          format('Not enough buying power: this order costs %s and you have %s available.',
            private.money_text(v_quantity * v_price), private.money_text(v_cash - v_held_cash)),
          'insufficient_funds');
      end if;
    else
      v_hold := case v_type
        when 'stop' then round(v_quantity * greatest(v_stop, v_price) * 1.05, 4)
        else round(v_quantity * v_limit, 4)
      end;
      if v_hold > v_cash - v_held_cash then
        perform private.reject(
          format('Not enough buying power: this order holds %s and you have %s available.',
            private.money_text(v_hold), private.money_text(v_cash - v_held_cash)),
          'insufficient_funds');
      end if;
    end if;
  else
    if not v_has_position then
      select quantity, held_quantity, cost_basis
        into v_position_quantity, v_position_held, v_position_basis
        from public.portfolios
        where user_id = v_uid and symbol = v_symbol
        for update;
      v_has_position := found;
    end if;
    if not v_has_position or v_position_quantity - v_position_held < v_quantity then
      perform private.reject(
        format('Not enough shares: you can sell %s %s.',
          trim_scale(coalesce(v_position_quantity - v_position_held, 0)), v_symbol),
        'insufficient_shares');
    end if;
  end if;

  if v_type = 'market' then
    -- born filled: the order, its ledger row, the position and the cash change in one
    -- statement (inserting it pending and then updating it would also re-run the foreign-key
    -- checks, which Postgres repeats for a row inserted earlier in the same transaction)
    v_amount := round(v_quantity * v_price, 4);
    if v_side = 'buy' then
      with placed as (
        insert into public.orders (
          user_id, run, client_order_id, symbol, side, type, quantity, notional, time_in_force,
          status, filled_price, filled_at, created_at, updated_at
        ) values (
          v_uid, v_run, p_client_order_id, v_symbol, 'buy', 'market', v_quantity,
          round(p_notional, 4), v_tif, 'filled', v_price, v_now, v_now, v_now
        )
        returning *
      ), position as (
        insert into public.portfolios as p (user_id, symbol, quantity, average_cost, cost_basis)
        values (v_uid, v_symbol, v_quantity, v_price, v_amount)
        on conflict (user_id, symbol) do update set
          cost_basis = p.cost_basis + excluded.cost_basis,
          average_cost = round((p.cost_basis + excluded.cost_basis) / (p.quantity + excluded.quantity), 4),
          quantity = p.quantity + excluded.quantity,
          updated_at = v_now
      ), paid as (
        update public.profiles set cash = cash - v_amount, updated_at = v_now where id = v_uid returning cash
      ), ledger as (
        insert into public.transactions
          (user_id, run, order_id, symbol, side, quantity, price, amount, fee, cash_after, created_at)
        select v_uid, placed.run, placed.id, placed.symbol, 'buy', v_quantity, v_price, v_amount, 0,
          paid.cash, v_now
        from placed, paid
      )
      select * into v_order from placed;
    else
      -- the sale's share of the basis; all of it when the sale closes the position
      v_cost := case when v_quantity = v_position_quantity then v_position_basis
        else round(v_position_basis * v_quantity / v_position_quantity, 4) end;
      v_pnl := v_amount - v_cost;
      with placed as (
        insert into public.orders (
          user_id, run, client_order_id, symbol, side, type, quantity, notional, time_in_force,
          status, filled_price, filled_at, created_at, updated_at
        ) values (
          v_uid, v_run, p_client_order_id, v_symbol, 'sell', 'market', v_quantity,
          round(p_notional, 4), v_tif, 'filled', v_price, v_now, v_now, v_now
        )
        returning *
      ), position as (
        update public.portfolios set
          quantity = quantity - v_quantity,
          realized_pnl = realized_pnl + v_pnl,
          cost_basis = cost_basis - v_cost,
          average_cost = case when quantity = v_quantity then 0 else average_cost end,
          updated_at = v_now
        where user_id = v_uid and symbol = v_symbol
      ), paid as (
        update public.profiles set cash = cash + v_amount, updated_at = v_now where id = v_uid returning cash
      ), ledger as (
        insert into public.transactions
          (user_id, run, order_id, symbol, side, quantity, price, amount, fee, realized_pnl, cash_after, created_at)
        select v_uid, placed.run, placed.id, placed.symbol, 'sell', v_quantity, v_price, v_amount, 0,
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
      v_uid, v_run, p_client_order_id, v_symbol, v_side, v_type, v_quantity,
      round(p_notional, 4), v_limit, v_stop, v_tif, 'pending',
      case v_type when 'limit' then v_limit else v_stop end,
      case v_type when 'limit' then v_side = 'sell' else v_side = 'buy' end,
      v_hold
    )
    returning *
  ), held_cash as (
    update public.profiles set held_cash = held_cash + v_hold, updated_at = v_now
    where id = v_uid and v_side = 'buy'
  ), held_shares as (
    update public.portfolios set held_quantity = held_quantity + v_quantity, updated_at = v_now
    where user_id = v_uid and symbol = v_symbol and v_side = 'sell'
  )
  select * into v_order from placed;
  return v_order;
end
$$;

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
  v_cost numeric(20, 4);
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
            private.money_text(v_amount), private.money_text(v_profile.cash - v_profile.held_cash)),
          'insufficient_funds');
      end if;
      update public.profiles set held_cash = held_cash - v_order.held_cash where id = v_order.user_id;
      update public.orders set status = 'rejected', reject_reason = 'insufficient_funds'
        where id = v_order.id returning * into v_order;
      return v_order;
    end if;
    insert into public.portfolios as p (user_id, symbol, quantity, average_cost, cost_basis)
    values (v_order.user_id, v_order.symbol, v_order.quantity, v_price, v_amount)
    on conflict (user_id, symbol) do update set
      cost_basis = p.cost_basis + excluded.cost_basis,
      average_cost = round((p.cost_basis + excluded.cost_basis) / (p.quantity + excluded.quantity), 4),
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
          trim_scale(coalesce(v_position.quantity - v_position.held_quantity, 0)), v_order.symbol),
        'insufficient_shares');
    end if;
    -- the sale's share of the basis; all of it when the sale closes the position
    v_cost := case when v_order.quantity = v_position.quantity then v_position.cost_basis
      else round(v_position.cost_basis * v_order.quantity / v_position.quantity, 4) end;
    v_pnl := v_amount - v_cost;
    update public.portfolios set
      quantity = quantity - v_order.quantity,
      held_quantity = held_quantity - v_held_quantity,
      realized_pnl = realized_pnl + v_pnl,
      cost_basis = cost_basis - v_cost,
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
