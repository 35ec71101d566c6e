"""The CLI subcommands, one module per command family."""
