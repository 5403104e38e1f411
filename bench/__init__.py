"""`make bench`: how fast the site builds, rebuilds, loads and searches (see bench/run.py)."""
