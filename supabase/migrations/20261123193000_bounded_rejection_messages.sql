-- place_order's "Unknown symbol X." named whatever the caller sent as the symbol, however long:
-- a 100,000-character symbol came back in a 100,000-character message. Only to the caller, but
-- an answer should not grow with its input. private.reject(), through which every rejection
-- goes, now shortens any run of more than 32 characters without a space or a period to its first
-- 32 and an ellipsis (no real word, amount or symbol is that long; the message keeps its final
-- period), and, as a backstop for input full of periods, caps the whole message at 300.
-- Reasons (the hint) and every ordinary message are unchanged.

create or replace function private.reject(p_message text, p_reason text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_message text := regexp_replace(p_message, '([^\s.]{32})[^\s.]+', '\1…', 'g');
begin
  if length(v_message) > 300 then
    v_message := left(v_message, 299) || '…';
  end if;
  raise exception using errcode = 'P0001', message = v_message, hint = p_reason;
end
$$;
