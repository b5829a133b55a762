"""One module per must-have clause and one for the lock-in red flags, on a shared base."""
