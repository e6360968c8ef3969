"""Rendering the site: page view-models, HTML templates, headings, sanitising and search."""
