"""Programme memberships by commune (the lists or ANCT's cross-table) and the commune card."""
