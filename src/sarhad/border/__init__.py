"""Border crossing points at work: checks, entries, exits, refusals, referrals, overstays."""
