"""Rendering the site: page view-models, templates, Markdown filters, sanitising and search."""
