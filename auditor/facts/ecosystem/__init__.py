"""Package managers, lockfiles, projects and workspaces, read from the manifests."""
