"""The edges: YAML files, the git ledger, docx rendering, the cache and the process pool, terminal output.

Commands call edges; the core is called by edges and commands and never calls back into them.
"""
