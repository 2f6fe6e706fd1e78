"""The visit's domain functions: creating it, its interviewees, planning it with
`citypeer.core.timetable`, changes by hand, briefs and exports."""
