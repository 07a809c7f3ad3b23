"""Time expressions (TIMEX3): finding, resolving against a reference date, scoring."""
