"""The whole workspace out and back in: ``export``, ``load`` (the import) and ``backup``.

An export is a set of named files (``bundle``: where they are written to and read from is the
caller's, a folder or a zip archive); ``layout`` says which files an export has and describes
them for a reader who has never seen inhouse.
"""
