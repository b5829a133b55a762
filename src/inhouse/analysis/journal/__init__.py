"""Reading the weekly record from the files teams already keep: review notes in Markdown,
architecture decision records (MADR, adr-tools) and tracker CSV exports (Jira, plain)."""
