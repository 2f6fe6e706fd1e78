"""The rules of this step in plain Python: no Django import (a test enforces it). The team
suggestion: `problem` (what is asked and answered, the hard rules), `model` (CP-SAT),
`checks` and `explanation` (why no teams can be formed), `words` (the messages),
`suggestion` (the entry point, `suggest_teams`)."""
