"""The rules of step 7 in plain Python, no Django import (a test enforces it): which
sections the written report has and what they are first filled with (`sections`,
`prefill`), how the text people write is read and compared (`text`), the corroboration
guard on recommendations (`guard`), the agreement of headline findings (`agreement`) and
the peers' approval and the release to the host city (`approval`).

Messages and titles are English templates marked with `gettext_noop` so that
`makemessages` finds them; the Django layer translates them when it stores or shows them."""
