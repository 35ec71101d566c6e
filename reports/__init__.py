"""The built-in renderers of audit reports; each module exposes render(report, options)."""
