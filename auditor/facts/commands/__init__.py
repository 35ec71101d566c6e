"""Commands the repository runs or documents, and the verified workflow commands for agents."""
