"""Write-side domain rules of the engagement app (see docs/engagement.md)."""
