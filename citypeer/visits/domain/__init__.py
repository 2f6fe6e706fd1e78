"""The visit's domain functions: creating it, its interviewees, planning it with
`citypeer.visits.method`, changes by hand, briefs and exports."""
