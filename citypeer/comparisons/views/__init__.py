"""Pages of the comparison across cities: `programme` for those taking part in the programme
(the comparison as it stands, its PDF and downloads, publishing), `public` for anyone (the
published snapshot only)."""
