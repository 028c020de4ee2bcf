"""What the cache holds and whether each source still answers as expected."""
