/**
 * The ledger invariants of SPEC §3 for the users in $1 (uuid[]), plus the engine's own
 * bookkeeping (holds, fill prices). Each row returned is a broken invariant: rule and subject.
 */
export const LEDGER_VIOLATIONS = `
with me as (select * from public.profiles where id = any ($1::uuid[]))
select 'cash = starting cash - buys + sells - fees (current run)' as rule, p.id::text as subject
from me p
where p.cash <> p.starting_cash - coalesce((
  select sum(case t.side when 'buy' then t.amount else -t.amount end + t.fee)
  from public.transactions t where t.user_id = p.id and t.run = p.current_run), 0)
union all
select 'cash >= 0 and buying power >= 0', p.id::text from me p where p.cash < 0 or p.cash < p.held_cash
union all
select 'held cash = holds of pending buys', p.id::text from me p
where p.held_cash <> coalesce((select sum(o.held_cash) from public.orders o
  where o.user_id = p.id and o.status = 'pending' and o.side = 'buy'), 0)
union all
select 'position = bought - sold (current run)', pf.user_id || ' ' || pf.symbol
from public.portfolios pf join me p on p.id = pf.user_id
where pf.quantity < 0 or pf.quantity <> coalesce((select sum(case t.side when 'buy' then t.quantity else -t.quantity end)
  from public.transactions t where t.user_id = pf.user_id and t.symbol = pf.symbol and t.run = p.current_run), 0)
union all
select 'held shares = pending sells', pf.user_id || ' ' || pf.symbol
from public.portfolios pf join me p on p.id = pf.user_id
where pf.held_quantity <> coalesce((select sum(o.quantity) from public.orders o
  where o.user_id = pf.user_id and o.symbol = pf.symbol and o.status = 'pending' and o.side = 'sell'), 0)
union all
select 'every fill of the current run has a position', t.id::text
from public.transactions t join me p on p.id = t.user_id
where t.run = p.current_run
  and not exists (select 1 from public.portfolios pf where pf.user_id = t.user_id and pf.symbol = t.symbol)
union all
select 'a filled order has exactly one transaction, others none', o.id::text
from public.orders o
where o.user_id = any ($1::uuid[])
  and (o.status = 'filled') <> exists (select 1 from public.transactions t where t.order_id = o.id)
union all
select 'fill matches its order and amount = round(quantity * price, 4), fee 0', t.id::text
from public.transactions t join public.orders o on o.id = t.order_id
where t.user_id = any ($1::uuid[])
  and (t.amount <> round(t.quantity * t.price, 4) or t.fee <> 0 or t.price <> o.filled_price
    or t.quantity <> o.quantity or t.side <> o.side or t.symbol <> o.symbol or t.run <> o.run)
union all
select 'limit prices are respected', o.id::text from public.orders o
where o.user_id = any ($1::uuid[]) and o.status = 'filled' and o.type in ('limit', 'stop_limit')
  and ((o.side = 'buy' and o.filled_price > o.limit_price) or (o.side = 'sell' and o.filled_price < o.limit_price))
union all
select 'stops fill only once reached', o.id::text from public.orders o
where o.user_id = any ($1::uuid[]) and o.status = 'filled' and o.type = 'stop'
  and ((o.side = 'buy' and o.filled_price < o.stop_price) or (o.side = 'sell' and o.filled_price > o.stop_price))
union all
select 'only the current run has pending orders', o.id::text
from public.orders o join me p on p.id = o.user_id
where o.status = 'pending' and o.run <> p.current_run
`
