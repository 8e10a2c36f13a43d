"""ui/text package."""
