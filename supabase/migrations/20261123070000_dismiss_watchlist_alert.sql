-- A triggered watchlist alert can be dismissed. Until now it stayed on the watchlist page until
-- the user set a new threshold (private.rearm_wishlist_alert clears it then): there was no way
-- to say "seen". The triggered columns are not writable by clients (a client could otherwise
-- forge an alert at any price), so dismissing goes through this function, which only clears
-- them, on the caller's own row. The thresholds are left as they are: a threshold that has not
-- fired stays armed.

create function public.dismiss_watchlist_alert(p_symbol text)
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
  -- dismissing twice, or an alert the row no longer has, changes nothing
  update public.wishlists set
    alert_triggered_at = null,
    alert_triggered_price = null,
    alert_triggered_direction = null
  where user_id = v_uid
    and symbol = upper(btrim(p_symbol))
    and alert_triggered_at is not null;
end
$$;

comment on function public.dismiss_watchlist_alert(text) is
  'Clears the caller''s triggered alert on one watchlist symbol; its thresholds stay as they are.';

revoke all on function public.dismiss_watchlist_alert(text) from public, anon;
grant execute on function public.dismiss_watchlist_alert(text) to authenticated;
