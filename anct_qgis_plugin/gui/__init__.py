"""The panel, the commune card, the locator filter and the options page. Uses core/ only."""
