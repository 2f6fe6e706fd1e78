"""Pages of the visit, by page group: the timetable with changes by hand checked at once
(`timetable`), the interviewees (`interviewees`), the interview briefs and the exports
(`exports`). Who sees what is `citypeer.visits.rules`."""
