"""Pure-Python domain: entities, value objects and scoring rules.

Nothing here imports a database, web or CLI library; a unit test enforces it.
"""
