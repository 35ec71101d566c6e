"""What kind of repository this is: library, application, cli, monorepo, docs, ..."""
