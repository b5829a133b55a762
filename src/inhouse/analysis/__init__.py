"""Analyzers: pure functions over inputs (git history, documents) returning domain results."""
