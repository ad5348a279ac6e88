"""Use cases: one call per user action, one transaction, plain data back. No Qt here."""
