"""The development environment: dev containers, env examples, env reads, secret signals."""
