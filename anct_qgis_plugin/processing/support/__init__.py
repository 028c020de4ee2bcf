"""What the algorithms share (their base class, parameter groups, help pages, atomic outputs,
styling on load): processing/algorithms/ holds the algorithms only."""
