"""Services sub-package (no re-exports: every consumer imports `app.services.llm`)."""
