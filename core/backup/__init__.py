"""Backups of a whole site: the database and every media file in one archive (docs/operations.md, "Backups").

``archive`` is the file format and its checks, ``database`` the dump and restore per database
vendor, ``media`` the walk over the media storage; ``manage.py backup`` and ``restore`` drive them.
"""
