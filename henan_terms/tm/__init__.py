"""Translation memory: sentence alignment, stores, fuzzy lookup."""
