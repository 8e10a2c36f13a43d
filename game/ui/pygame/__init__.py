"""ui/pygame package."""
