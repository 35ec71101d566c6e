"""`auditor mcp`: a Model Context Protocol server telling a coding agent how to work here.

Only `server` imports the MCP SDK (the optional `[mcp]` extra), and only when `auditor mcp`
runs; `workspace`, `paths` and `answers` are plain Python the tests call directly.
"""
