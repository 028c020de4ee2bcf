"""How files travel: HTTP (proxy, retries, cancel), the mirror rule, the atomic cache, settings."""
